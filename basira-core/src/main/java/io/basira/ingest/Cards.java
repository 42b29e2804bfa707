package io.basira.ingest;

import io.basira.card.CustomerCard;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.Map;

/** Port: stores computed cards, keyed by the customer's external id. */
public interface Cards {

    /** Replaces the stored card of every customer in {@code cards}; unknown customers are ignored. */
    void save(Store store, Map<String, CustomerCard> cards);

    /**
     * The stored cards of the given customers, by external id; customers the store does not hold are absent
     * (so the keys also say which customers exist). Read inside the caller's transaction, after it took the
     * customers' {@link WriteLocks}: what it returns is the latest committed card.
     */
    Map<String, CustomerCard> load(StoreId store, Collection<String> customerIds);
}
