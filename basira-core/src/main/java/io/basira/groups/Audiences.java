package io.basira.groups;

import io.basira.segment.FieldCatalogue;
import io.basira.segment.audience.CustomerAudience;
import io.basira.segment.audience.IndexedAudience;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.util.concurrent.ForkJoinPool;

/** The one place that chooses the engine holding a store's customers for group evaluation. */
final class Audiences {

    /** Starting capacity; the index grows by doubling. */
    private static final int EXPECTED_CUSTOMERS = 1024;

    private Audiences() {}

    /**
     * A new, empty audience for {@code store} over the fields of {@code fields} (the server's catalogue, so a
     * feature's field works in rules): the columnar index (docs/index.md), whose full
     * evaluations split rows over the machine's cores. {@link io.basira.segment.audience.ScanAudience}
     * is the reference it is tested against.
     */
    static CustomerAudience newAudience(Store store, FieldCatalogue fields) {
        return new IndexedAudience(
                fields,
                store.timeZone(),
                Money.fractionDigits(store.currency()),
                EXPECTED_CUSTOMERS,
                ForkJoinPool.commonPool(),
                Runtime.getRuntime().availableProcessors());
    }
}
