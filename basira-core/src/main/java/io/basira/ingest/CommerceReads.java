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
}
