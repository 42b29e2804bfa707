package io.basira.ingest;

import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.Set;

/** Port: what ingestion needs to know about a store's existing records. */
public interface CommerceReads {

    /** The ids among {@code customerIds} that do not exist in the store. */
    Set<String> missingCustomers(StoreId store, Collection<String> customerIds);

    /** The ids among {@code orderIds} that do not exist in the store. */
    Set<String> missingOrders(StoreId store, Collection<String> orderIds);

    /**
     * The customers that the batch's orders, carts and reviews belong to in the store now, before
     * the batch is written: a record sent again with another customer leaves this one's card.
     */
    Set<String> currentCustomers(StoreId store, RecordBatch batch);
}
