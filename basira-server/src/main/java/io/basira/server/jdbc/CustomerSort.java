package io.basira.server.jdbc;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The orders a customer list can be sorted by: every indicator of the card and the main attributes.
 * Each maps to a fixed SQL expression, so no request text ever reaches SQL.
 */
public enum CustomerSort {
    CUSTOMER_ID("external_id", false),
    CREATED_AT("created_at", false),
    FIRST_NAME("first_name", false),
    LAST_NAME("last_name", false),
    ORDER_COUNT("order_count", false),
    TOTAL_SPENT("total_spent_minor", false),
    AVERAGE_ORDER_VALUE("average_order_value", false),
    CANCELLED_ORDERS("cancelled_orders", false),
    RETURNED_ORDERS("returned_orders", false),
    LAST_PURCHASE_AT("last_purchase_at", false),
    FIRST_ORDER_AT("first_order_at", false),
    ABANDONED_CARTS("abandoned_carts", false),
    STORE_RATING("store_rating", false),
    /** More days since the last purchase means an earlier last purchase: the column sorts the other way. */
    DAYS_SINCE_LAST_PURCHASE("last_purchase_at", true),
    DISCOUNT_SHARE("discount_share", false),
    WISHLIST_COUNT("wishlist_count", false),
    REVIEWS_COUNT("reviews_count", false);

    private final String column;
    private final boolean reversed;

    CustomerSort(String column, boolean reversed) {
        this.column = column;
        this.reversed = reversed;
    }

    /** @throws IllegalArgumentException naming the allowed fields */
    public static CustomerSort of(String field) {
        try {
            return valueOf(field.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot sort by '" + field + "'; sortable fields: " + names());
        }
    }

    public static String names() {
        return Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
    }

    /** ORDER BY clause; customers without a value come last in either direction; ties by row id. */
    String orderBy(boolean descending) {
        boolean desc = descending != reversed;
        return column + (desc ? " DESC" : " ASC") + " NULLS LAST, id " + (descending ? "DESC" : "ASC");
    }
}
