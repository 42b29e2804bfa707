package io.basira.checkout.simulation;

import io.basira.analytics.StoreFacts;
import io.basira.shared.Store;

/** Port: a store's orders as the analytics' columns in memory (current with every committed write). Thread-safe. */
public interface OrderColumns {

    StoreFacts of(Store store);
}
