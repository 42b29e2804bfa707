package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Objects;
import java.util.Set;

/** Customer records (attributes, not orders) were created or changed. */
public record CustomersChanged(StoreId store, Set<String> customerIds) implements DomainEvent {

    public CustomersChanged {
        Objects.requireNonNull(store, "store");
        customerIds = Set.copyOf(customerIds);
    }

    @Override
    public String type() {
        return "customers_changed";
    }
}
