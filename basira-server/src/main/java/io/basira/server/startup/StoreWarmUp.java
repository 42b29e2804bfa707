package io.basira.server.startup;

import io.basira.shared.Store;
import java.util.function.Consumer;

/**
 * One thing a running server keeps in memory per store and brings in before it says it is ready (the
 * groups' membership today), so no request waits on a first-use load. Idempotent: warming a store that is
 * already in memory does nothing.
 */
public interface StoreWarmUp {

    /** A short name for the log and the health details, e.g. {@code groups}. */
    String name();

    /** Loads the store into memory; a failure is logged and leaves the store to load on first use. */
    void warmUp(Store store);

    /** A warm-up named {@code name} doing {@code load} for each store. */
    static StoreWarmUp of(String name, Consumer<Store> load) {
        return new StoreWarmUp() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void warmUp(Store store) {
                load.accept(store);
            }
        };
    }
}
