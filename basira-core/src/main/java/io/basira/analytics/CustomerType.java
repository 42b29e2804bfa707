package io.basira.analytics;

import java.util.Locale;

/**
 * What kind of buyer a customer is; the first rule that holds decides (docs/analytics.md, "Customer types").
 * Purchase days are the distinct store-local days with a counted order in the period.
 */
public enum CustomerType {
    /** At least half of her counted orders used a coupon or carried a discount. */
    DISCOUNT_DRIVEN,
    /** At least three purchase days, and the time since the last is at most twice her mean gap. */
    LOYAL,
    /** At least two purchase days, and every categorised line she bought is in one category. */
    NEED_SPECIFIC,
    /** Exactly one purchase day: a one-off purchase. */
    IMPULSIVE,
    /** Any other buyer: comes back, but without a rhythm, a single need or an offer pattern. */
    WANDERING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
