package io.basira.ingest;

import io.basira.card.CardAccumulator;
import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.function.Function;

/**
 * Port: replays the current records of customers into card accumulators. The card definitions
 * stay in {@link CardAccumulator}; an implementation only streams facts.
 */
public interface CustomerActivity {

    /**
     * Feeds every current order, cart, review and wishlist item of the given customers to the
     * accumulator that {@code accumulatorOf} returns for the record's customer id.
     *
     * @param customerIds the customers to replay; empty means every customer of the store
     */
    void replay(StoreId store, Collection<String> customerIds, Function<String, CardAccumulator> accumulatorOf);
}
