package io.basira.checkout;

import io.basira.shared.StoreId;
import java.util.Optional;

/** Port: a store's coupons with their use counts. Thread-safe. */
public interface Coupons {

    /**
     * The coupon with this code (compared after {@link Coupon#normalize}) and its counted uses, the
     * customer's own among them ({@code customerId} null: anonymous, 0 own uses).
     */
    Optional<CouponState> find(StoreId store, String code, String customerId);
}
