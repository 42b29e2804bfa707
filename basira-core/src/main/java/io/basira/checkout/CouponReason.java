package io.basira.checkout;

import java.util.Locale;

/** The verdict on a coupon code, checked in this order: the first that applies is the answer. */
public enum CouponReason {
    VALID,
    /** No coupon with this code in this store. */
    NOT_FOUND,
    /** Before its start. */
    NOT_STARTED,
    /** At or after its end. */
    EXPIRED,
    /** The customer is not in its eligible groups (or is in an excluded one). */
    NOT_ELIGIBLE,
    /** The cart subtotal is below its minimum. */
    MIN_TOTAL_NOT_MET,
    /** All of its uses are taken. */
    USAGE_LIMIT_REACHED,
    /** This customer has used it as many times as allowed. */
    ALREADY_USED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
