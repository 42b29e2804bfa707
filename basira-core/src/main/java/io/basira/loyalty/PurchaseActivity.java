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

    /**
     * A customer's completed orders: spend in minor units since the asked time, the last one's time, and the oldest
     * one counted in the spend ({@code oldestCountedAt}: null when none is counted, or not read), which says when
     * the spend can next change with time alone ({@link Standings#kept}).
     */
    record Purchases(long spendMinor, Instant lastPurchaseAt, Instant oldestCountedAt) {

        /** Purchases without the oldest counted order (a kept standing of them is not trusted when spend counts). */
        public Purchases(long spendMinor, Instant lastPurchaseAt) {
            this(spendMinor, lastPurchaseAt, null);
        }
    }

    /** A completed order. */
    record CompletedOrder(String customerId, String orderId, Instant createdAt, long totalMinor) {}
}
