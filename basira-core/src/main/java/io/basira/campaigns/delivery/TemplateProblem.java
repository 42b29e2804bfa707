package io.basira.campaigns.delivery;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A message template refused by {@link TemplateRenderer}: a {@link Reason} and its arguments, so the dashboard says
 * it in the reader's language ({@code messages.template-error.<code>}); the message is the English sentence the API
 * gives in its problems.
 */
public final class TemplateProblem extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why, with the arguments each reason carries (positions are 1-based characters of the template). */
    public enum Reason {
        /** position */
        NOT_CLOSED,
        /** block name, position */
        BLOCK_NOT_CLOSED,
        /** position */
        NESTED_ITEMS,
        /** tag, position */
        CLOSES_NO_BLOCK,
        /** variable, position */
        OUTSIDE_ITEMS,
        /** variable, position, the names an item has */
        UNKNOWN_ITEM_VARIABLE,
        /** variable, position, the names known */
        UNKNOWN_VARIABLE;

        /** The code of the bundles ({@code unknown_variable}). */
        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Reason reason;
    private final transient List<Object> arguments;

    TemplateProblem(Reason reason, String english, Object... arguments) {
        super(english);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.arguments = List.of(arguments);
    }

    public Reason reason() {
        return reason;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
