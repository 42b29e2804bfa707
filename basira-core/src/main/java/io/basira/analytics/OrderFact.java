package io.basira.analytics;

import io.basira.commerce.OrderStatus;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * One order as the analyses see it.
 *
 * @param customerId the store's customer id
 * @param createdAt when the order was placed
 * @param status its canonical status; only counted statuses (pending, processing, completed) enter analyses
 * @param totalMinor the order total in minor units of the store's currency, &gt;= 0
 * @param discounted whether it used a coupon or carried a discount
 * @param categories product categories of its lines (empty when unknown); never null
 */
public record OrderFact(
        String customerId,
        Instant createdAt,
        OrderStatus status,
        long totalMinor,
        boolean discounted,
        Set<String> categories) {

    public OrderFact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(createdAt, () -> "order of customer " + customerId + " has no created_at");
        Objects.requireNonNull(status, () -> "order of customer " + customerId + " has no status");
        if (totalMinor < 0) {
            throw new IllegalArgumentException("order of customer " + customerId + " has a negative total");
        }
        categories = categories == null ? Set.of() : Set.copyOf(categories);
    }

    /** An order without category information. */
    public static OrderFact of(
            String customerId, Instant createdAt, OrderStatus status, long totalMinor, boolean discounted) {
        return new OrderFact(customerId, createdAt, status, totalMinor, discounted, Set.of());
    }
}
