package io.basira.ingest;

import io.basira.commerce.Order;
import java.util.Objects;

/**
 * One order of a write: the version stored before the write ({@code null} when the order is new)
 * and the version the write stored. When a batch holds the same order more than once, its last
 * version is {@code after} (the one stored).
 */
public record OrderChange(Order before, Order after) {

    public OrderChange {
        Objects.requireNonNull(after, "after");
        if (before != null && !before.externalId().equals(after.externalId())) {
            throw new IllegalArgumentException("order change from '" + before.externalId() + "' to '"
                    + after.externalId() + "': not the same order");
        }
    }

    public String orderId() {
        return after.externalId();
    }

    /** Whether the store did not hold the order before this write. */
    public boolean isNew() {
        return before == null;
    }

    /** Whether the order was stored before for another customer. */
    public boolean movedCustomer() {
        return before != null && !before.customerExternalId().equals(after.customerExternalId());
    }
}
