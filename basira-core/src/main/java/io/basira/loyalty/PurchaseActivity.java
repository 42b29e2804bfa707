package io.basira.loyalty;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Port: what loyalty reads of the store's orders: each customer's completed spend since a time (the spend
 * tier basis) and last completed order (inactivity expiry), and every order that can hold points (the rebuild).
 */
public interface PurchaseActivity {

    /** Completed spend since {@code since} and the last completed order, of these customers (absent: none). */
    Map<String, Purchases> of(StoreId store, Collection<String> customerIds, Instant since);

    /** Every completed order of the store, to {@code sink}, in no particular order. */
    void forEachCompletedOrder(StoreId store, Consumer<CompletedOrder> sink);

    /** The customers whose birthday is this day of the year (29 February counts on 28 February otherwise). */
    java.util.List<String> birthdays(StoreId store, java.time.MonthDay day, boolean leapYear);

    /**
     * The signups and reviews of these customers (all the store's when {@code customerIds} is null) made at or
     * after {@code since}: what can earn a bonus.
     */
    java.util.List<BonusSource> bonusSources(StoreId store, Collection<String> customerIds, Instant since);

    /** Something that can earn a bonus: a signup ({@code ref} "signup") or a review (its id). */
    record BonusSource(String customerId, Cause cause, String ref) {}

    /** A customer's completed orders: spend in minor units since the asked time, and the last one's time. */
    record Purchases(long spendMinor, Instant lastPurchaseAt) {}

    /** A completed order. */
    record CompletedOrder(String customerId, String orderId, Instant createdAt, long totalMinor) {}
}
