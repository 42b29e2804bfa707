package io.basira.groups;

import io.basira.card.CustomerSnapshot;
import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Port: a store's customers as groups evaluate them, each with its card and the analytics card fields
 * of the store's last refresh (null before the first). Reads see what was committed.
 */
public interface GroupCustomers {

    Optional<CustomerSnapshot> find(StoreId store, String customerId);

    /** The customers with these ids; unknown ids are skipped. */
    List<CustomerSnapshot> findAll(StoreId store, Collection<String> customerIds);

    /** Every customer of the store, one at a time, in a stable order. */
    void forEach(StoreId store, Consumer<CustomerSnapshot> sink);
}
