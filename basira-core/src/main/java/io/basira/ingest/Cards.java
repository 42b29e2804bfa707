package io.basira.ingest;

import io.basira.card.CustomerCard;
import io.basira.shared.Store;
import java.util.Map;

/** Port: stores computed cards, keyed by the customer's external id. */
public interface Cards {

    /** Replaces the stored card of every customer in {@code cards}; unknown customers are ignored. */
    void save(Store store, Map<String, CustomerCard> cards);
}
