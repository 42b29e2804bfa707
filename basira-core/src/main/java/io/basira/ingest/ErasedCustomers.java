package io.basira.ingest;

import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.Map;

/**
 * Port: the customers a store erased on request (docs/privacy.md, "Tombstones"), so that no write brings them
 * back. {@link IngestRecords} asks it about a batch's customers after taking the batch's {@link WriteLocks}: an
 * erasure holds the store exclusively, so what this answers then stays true until the write commits.
 */
@FunctionalInterface
public interface ErasedCustomers {

    /**
     * The erased ones among {@code customerIds}, each with the pseudonym that holds their de-identified orders;
     * empty when none of them was erased.
     */
    Map<String, String> pseudonyms(StoreId store, Collection<String> customerIds);

    /** No erasure ever: every record is written. */
    ErasedCustomers NONE = (store, customerIds) -> Map.of();
}
