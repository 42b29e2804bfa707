package io.basira.server.analytics;

import io.basira.shared.StoreId;
import java.time.LocalDate;
import java.util.Objects;

/** Published after a refresh of the store's analytics card fields committed, with the as-of day of the new values. */
public record AnalyticsRefreshed(StoreId store, LocalDate asOf) {
    public AnalyticsRefreshed {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(asOf, "asOf");
    }
}
