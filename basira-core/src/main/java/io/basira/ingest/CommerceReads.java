package io.basira.ingest;

import io.basira.commerce.Order;
import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.Map;
import java.util.Set;

/** Port: what ingestion needs to know about a store's existing records. */
public interface CommerceReads {

    /** The ids among {@code customerIds} that do not exist in the store. */
    Set<String> missingCustomers(StoreId store, Collection<String> customerIds);

    /** The ids among {@code orderIds} that do not exist in the store. */
    Set<String> missingOrders(StoreId store, Collection<String> orderIds);

    /**
     * The stored versions of the given orders, by order id (orders the store does not hold are
     * absent): the before-images a write hands its participants, and whom its orders belong to now.
     * Values stored by an older version that today's rules refuse are read as those rules accept
     * them (dates brought into range, control characters left out).
     */
    Map<String, Order> storedOrders(StoreId store, Collection<String> orderIds);

    /**
     * The customers that the batch's carts and reviews belong to in the store now, before the batch
     * is written: a record sent again with another customer leaves this one's card. (Its orders'
     * customers come with {@link #storedOrders}.)
     */
    Set<String> currentCustomers(StoreId store, RecordBatch batch);
}
