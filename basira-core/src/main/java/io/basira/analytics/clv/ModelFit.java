package io.basira.analytics.clv;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of fitting one model: its parameters, or the reason it could not be fitted.
 *
 * @param <P> the model's parameter record
 */
public sealed interface ModelFit<P> {

    /** The parameters, when the fit succeeded. */
    Optional<P> parameters();

    /** A fitted model with its parameters. */
    record Fitted<P>(P value) implements ModelFit<P> {
        public Fitted {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public Optional<P> parameters() {
            return Optional.of(value);
        }
    }

    /**
     * A model that could not be fitted.
     *
     * @param reason a short kebab-case token ({@code too-few-repeat-buyers}, {@code did-not-converge},
     *     {@code parameter-at-boundary}, {@code not-finite})
     * @param detail a sentence for people: what happened and with which numbers
     */
    record Failed<P>(String reason, String detail) implements ModelFit<P> {
        public Failed {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }

        @Override
        public Optional<P> parameters() {
            return Optional.empty();
        }
    }
}
