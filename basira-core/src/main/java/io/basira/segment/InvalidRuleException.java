package io.basira.segment;

import java.util.List;

/**
 * A rule that cannot be read, with where ({@link #where()}: {@code line 1, column 17} or a JSON path)
 * and why ({@link #reason()}). The message is {@code where: reason}, fit to show to a merchant as is, in English;
 * {@link #error()} and {@link #arguments()} say the reason again for an interface in another language.
 */
public abstract class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private final RuleError error;
    private final transient List<Object> arguments;

    protected InvalidRuleException(String where, String reason) {
        this(where, RuleError.OTHER, List.of(reason));
    }

    protected InvalidRuleException(String where, RuleError error, List<Object> arguments) {
        this(where, error, arguments, error.english(arguments));
    }

    private InvalidRuleException(String where, RuleError error, List<Object> arguments, String reason) {
        super(where + ": " + reason);
        this.reason = reason;
        this.error = error;
        this.arguments = List.copyOf(arguments);
    }

    /** Where in the rule: {@code line 1, column 17} or {@code $.all[1].value}. */
    public abstract String where();

    /** What was wrong, without the place. */
    public String reason() {
        return reason;
    }

    /** What was wrong, as a code ({@link RuleError#OTHER} with the English reason when the core has none). */
    public RuleError error() {
        return error;
    }

    /** The arguments of {@link #error()}. */
    public List<Object> arguments() {
        return arguments;
    }
}
