package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Objects;
import java.util.Set;

/**
 * Customers' browsing aggregates were recomputed (docs/browsing.md): those of {@code customerIds} (their
 * visitors sent events, or a visitor was linked to them), or, when {@code wholeStore} (the nightly roll of the
 * 30-day windows, a prune), any of the store's (then {@code customerIds} is empty).
 */
public record BrowsingChanged(StoreId store, Set<String> customerIds, boolean wholeStore) implements DomainEvent {

    public BrowsingChanged {
        Objects.requireNonNull(store, "store");
        customerIds = Set.copyOf(customerIds);
        if (wholeStore && !customerIds.isEmpty()) {
            throw new IllegalArgumentException("a whole-store change names no customers");
        }
    }

    @Override
    public String type() {
        return "browsing_changed";
    }
}
