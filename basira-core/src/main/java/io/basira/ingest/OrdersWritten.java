package io.basira.ingest;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Objects;

/**
 * The orders one write stored in a store, each once, in the order of their first appearance in the
 * batch. Handed to every {@link WriteParticipant} inside the write's transaction.
 */
public record OrdersWritten(StoreId store, List<OrderChange> changes) {

    public OrdersWritten {
        Objects.requireNonNull(store, "store");
        changes = List.copyOf(changes);
    }
}
