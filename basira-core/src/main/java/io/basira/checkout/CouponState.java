package io.basira.checkout;

import java.util.Objects;

/**
 * A coupon with its uses counted so far.
 *
 * @param used the uses counted over all customers (orders that carry it and are not cancelled or returned)
 * @param usedByCustomer the uses counted for the customer asking; 0 for an anonymous visitor
 */
public record CouponState(Coupon coupon, int used, int usedByCustomer) {

    public CouponState {
        Objects.requireNonNull(coupon, "coupon");
        if (used < 0 || usedByCustomer < 0) {
            throw new IllegalArgumentException("use counts are never negative");
        }
    }
}
