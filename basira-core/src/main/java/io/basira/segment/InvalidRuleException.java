package io.basira.segment;

/**
 * A rule that cannot be read, with where ({@link #where()}: {@code line 1, column 17} or a JSON path)
 * and why ({@link #reason()}). The message is {@code where: reason}, fit to show to a merchant as is.
 */
public abstract class InvalidRuleException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    protected InvalidRuleException(String where, String reason) {
        super(where + ": " + reason);
        this.reason = reason;
    }

    /** Where in the rule: {@code line 1, column 17} or {@code $.all[1].value}. */
    public abstract String where();

    /** What was wrong, without the place. */
    public String reason() {
        return reason;
    }
}
