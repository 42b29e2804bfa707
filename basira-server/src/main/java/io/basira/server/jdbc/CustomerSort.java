package io.basira.server.jdbc;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The orders a customer list can be sorted by: every indicator of the card, the attributes and the
 * analytics card fields. Each maps to a fixed SQL expression over an unaliased {@code customers}
 * table, so no request text ever reaches SQL; the analytics fields are looked up in
 * {@code customer_analytics} by the customer's key (empty until the store's first refresh).
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
    REVIEWS_COUNT("reviews_count", false),
    GENDER("gender", false),
    BIRTH_DATE("birth_date", false),
    /** Older means an earlier birth date: the column sorts the other way. */
    AGE("birth_date", true),
    CITY("city", false),
    REGION("region", false),
    COUNTRY("country", false),
    REVENUE_PERCENTILE(analytics("revenue_percentile"), false),
    RFM_RECENCY(analytics("rfm_recency"), false),
    RFM_FREQUENCY(analytics("rfm_frequency"), false),
    RFM_MONETARY(analytics("rfm_monetary"), false),
    RFM_GROUP(analytics("rfm_group"), false),
    CUSTOMER_TYPE(analytics("customer_type"), false),
    REGULARITY(analytics("regularity"), false),
    P_ALIVE(analytics("p_alive"), false),
    EXPECTED_PURCHASES_90D(analytics("expected_purchases_90d"), false),
    PREDICTED_VALUE_12M(analytics("predicted_value_12m"), false),
    CHURN_RISK(analytics("churn_risk"), false),
    NEXT_ORDER_EXPECTED_AT(analytics("next_order_expected_at"), false);

    private final String column;
    private final boolean reversed;

    private static String analytics(String column) {
        return "(SELECT a." + column + " FROM customer_analytics a WHERE a.store_id = customers.store_id"
                + " AND a.customer_external_id = customers.external_id)";
    }

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
