package io.basira.card;

import java.util.Locale;
import java.util.Optional;

/**
 * The indicators of docs/indicators.md under their published names, in the order of the customer export.
 * These names are also segment field names and the columns of {@code basira export customers}.
 */
public enum Indicator {
    ORDER_COUNT(Kind.INTEGER),
    TOTAL_SPENT(Kind.MONEY),
    AVERAGE_ORDER_VALUE(Kind.MONEY),
    CANCELLED_ORDERS(Kind.INTEGER),
    RETURNED_ORDERS(Kind.INTEGER),
    LAST_PURCHASE_AT(Kind.DATE_TIME),
    FIRST_ORDER_AT(Kind.DATE_TIME),
    ABANDONED_CARTS(Kind.INTEGER),
    STORE_RATING(Kind.INTEGER),
    DAYS_SINCE_LAST_PURCHASE(Kind.INTEGER),
    DISCOUNT_SHARE(Kind.DECIMAL),
    WISHLIST_COUNT(Kind.INTEGER),
    REVIEWS_COUNT(Kind.INTEGER);

    /** The type of an indicator's value. */
    public enum Kind {
        INTEGER,
        DECIMAL,
        MONEY,
        DATE_TIME
    }

    private final Kind kind;

    Indicator(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The published name ({@code total_spent}). */
    public String fieldName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Indicator> byFieldName(String name) {
        for (Indicator indicator : values()) {
            if (indicator.fieldName().equals(name)) {
                return Optional.of(indicator);
            }
        }
        return Optional.empty();
    }
}
