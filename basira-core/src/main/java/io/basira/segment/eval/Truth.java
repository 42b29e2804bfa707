package io.basira.segment.eval;

/**
 * SQL's three truth values. A comparison over a missing value is {@link #UNKNOWN}; a customer is in a
 * group only when the rule is {@link #TRUE}. Kleene's connectives: false wins an AND, true wins an OR,
 * NOT of unknown is unknown, so {@code NOT (x > 5)} matches exactly the customers with {@code x <= 5}.
 */
public enum Truth {
    TRUE,
    FALSE,
    UNKNOWN;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case UNKNOWN -> UNKNOWN;
        };
    }

    public Truth and(Truth other) {
        if (this == FALSE || other == FALSE) {
            return FALSE;
        }
        return this == TRUE && other == TRUE ? TRUE : UNKNOWN;
    }

    public Truth or(Truth other) {
        if (this == TRUE || other == TRUE) {
            return TRUE;
        }
        return this == FALSE && other == FALSE ? FALSE : UNKNOWN;
    }

    public boolean isTrue() {
        return this == TRUE;
    }
}
