package io.basira.checkout;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/**
 * Port: the uses of coupons taken by orders. Runs inside the caller's transaction (the one that
 * writes the orders), so a use is taken or released together with the order that carries it.
 *
 * <p>{@link #take} is the guard that makes usage limits hold under concurrency and across servers:
 * it must be one atomic, database-level step (a conditional {@code UPDATE … WHERE used < limit}),
 * never a read followed by a write.
 */
public interface CouponRedemptions {

    /** Whether the store has any coupon at all (when not, orders need no look-up). */
    boolean storeHasCoupons(StoreId store);

    /** The current redemptions of these orders, by order id (orders without one are absent). */
    Map<String, Redemption> of(StoreId store, Collection<String> orderIds);

    /**
     * Takes one use of coupon {@code code} for the order, within the coupon's total and per-customer
     * limits, and records the redemption with its outcome.
     *
     * @return the outcome; {@link Redemption.State#NO_SUCH_COUPON} (nothing recorded) when the store has no such coupon
     */
    Redemption.State take(StoreId store, String code, String orderId, String customerId, Instant at);

    /** Removes the order's redemption, giving its use back when it was counted. */
    void release(StoreId store, Redemption redemption);

    /** An order's use of a coupon. */
    record Redemption(String orderId, String code, String customerId, State state) {

        /** How an order's coupon was judged when the order arrived. */
        public enum State {
            /** The use is counted against the limits. */
            COUNTED,
            /** The order arrived when every use was taken: recorded, not counted. */
            OVER_LIMIT,
            /** The order's customer had used the coupon as often as allowed: recorded, not counted. */
            OVER_CUSTOMER_LIMIT,
            /** The code is not a coupon of the store: nothing is recorded. */
            NO_SUCH_COUPON
        }
    }
}
