package io.basira.server.dashboard;

import io.basira.server.checkout.web.FormChecks;

/**
 * A value typed in a dashboard form that does not read as its field's type: the field's path, the text typed
 * and why ({@code form.value.<kind>} of the bundles: {@code decimal}, {@code whole}, {@code date-time}). The
 * message is the English sentence ({@code percent: 'x' is not a decimal number}); {@link FormChecks#message}
 * says it in the reader's language.
 */
public final class FormValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final String value;
    private final String kind;

    FormValueException(String field, String value, String kind, String english) {
        super(field + ": '" + value + "' " + english);
        this.field = field;
        this.value = value;
        this.kind = kind;
    }

    public static FormValueException notDecimal(String field, String value) {
        return new FormValueException(field, value, "decimal", "is not a decimal number");
    }

    public static FormValueException notWhole(String field, String value) {
        return new FormValueException(field, value, "whole", "is not a whole number");
    }

    public static FormValueException notDateTime(String field, String value) {
        return new FormValueException(field, value, "date-time", "is not a date and time (2026-03-01 09:00)");
    }

    public String field() {
        return field;
    }

    public String value() {
        return value;
    }

    public String kind() {
        return kind;
    }
}
