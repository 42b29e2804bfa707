package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Objects;
import java.util.Set;

/**
 * Customer cards changed: those of {@code customerIds}, or, when {@code wholeStore} (an import, a
 * rebuild), any card of the store (then {@code customerIds} is empty).
 */
public record CardsChanged(StoreId store, Set<String> customerIds, boolean wholeStore) implements DomainEvent {

    public CardsChanged {
        Objects.requireNonNull(store, "store");
        customerIds = Set.copyOf(customerIds);
        if (wholeStore && !customerIds.isEmpty()) {
            throw new IllegalArgumentException("a whole-store change names no customers");
        }
    }

    public static CardsChanged of(StoreId store, Set<String> customerIds) {
        return new CardsChanged(store, customerIds, false);
    }

    public static CardsChanged wholeStore(StoreId store) {
        return new CardsChanged(store, Set.of(), true);
    }

    @Override
    public String type() {
        return "cards_changed";
    }
}
