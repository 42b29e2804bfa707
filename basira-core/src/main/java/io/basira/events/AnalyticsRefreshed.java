package io.basira.events;

import io.basira.shared.StoreId;
import java.time.LocalDate;
import java.util.Objects;

/** The store's analytics card fields were replaced, as of the store-local date {@code asOf}. */
public record AnalyticsRefreshed(StoreId store, LocalDate asOf) implements DomainEvent {

    public AnalyticsRefreshed {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(asOf, "asOf");
    }

    @Override
    public String type() {
        return "analytics_refreshed";
    }
}
