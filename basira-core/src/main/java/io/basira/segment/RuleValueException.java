package io.basira.segment;

import java.util.List;

/**
 * A value, operator or field that does not fit (thrown by the typing of conditions), with its {@link RuleError}
 * and arguments; the rule readers add where it happened. The message is the English sentence.
 */
public final class RuleValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final RuleError error;
    private final transient List<Object> arguments;

    public RuleValueException(RuleError error, Object... arguments) {
        super(error.english(List.of(arguments)));
        this.error = error;
        this.arguments = List.of(arguments);
    }

    public RuleError error() {
        return error;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
