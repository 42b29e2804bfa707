package io.basira.server.groups;

import io.basira.segment.audience.CustomerAudience;
import io.basira.segment.audience.ScanAudience;
import io.basira.shared.Store;

/** The one place that chooses the engine holding a store's customers for group evaluation. */
final class Audiences {

    private Audiences() {}

    /**
     * A new, empty audience for {@code store}. The scan is the reference engine; the columnar index
     * ({@code new IndexedAudience(store.timeZone(), Money.fractionDigits(store.currency()))}) replaces it here.
     */
    static CustomerAudience newAudience(Store store) {
        return new ScanAudience();
    }
}
