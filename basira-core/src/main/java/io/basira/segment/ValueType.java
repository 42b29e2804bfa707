package io.basira.segment;

import java.util.Locale;

/**
 * The type of a segment field's value, which decides the operators and literals a rule may use with it.
 *
 * <p>Numbers compare as exact decimals. {@link #MONEY} compares in the store currency's major unit
 * ({@code 1500} means 1500.00 SAR). {@link #DATE_TIME} compares by its calendar date in the store's
 * time zone, so both date types take the same literals: an ISO date or a relative date.
 */
public enum ValueType {
    INTEGER("عدد صحيح", "whole number"),
    DECIMAL("عدد عشري", "decimal number"),
    MONEY("مبلغ", "amount of money"),
    DATE("تاريخ", "date"),
    DATE_TIME("تاريخ ووقت", "date and time"),
    TEXT("نص", "text"),
    ENUM("خيار من قائمة", "choice from a list"),
    TAG_SET("وسوم", "set of tags"),
    GROUP("مجموعة", "group membership");

    private final String labelAr;
    private final String labelEn;

    ValueType(String labelAr, String labelEn) {
        this.labelAr = labelAr;
        this.labelEn = labelEn;
    }

    /** The code used in the catalogue API ({@code date_time}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String labelAr() {
        return labelAr;
    }

    public String labelEn() {
        return labelEn;
    }

    public boolean isNumeric() {
        return this == INTEGER || this == DECIMAL || this == MONEY;
    }

    public boolean isTemporal() {
        return this == DATE || this == DATE_TIME;
    }

    /** Whether values of this type have an order, so that {@code > < BETWEEN} apply. */
    public boolean isOrdered() {
        return isNumeric() || isTemporal();
    }

    /** Whether a field of this type holds one value (or none), as opposed to a set. */
    public boolean isScalar() {
        return this != TAG_SET && this != GROUP;
    }
}
