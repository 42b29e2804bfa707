package io.basira.server.browsing;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.events.BrowsingChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.server.browsing.jdbc.JdbcBrowsing;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records a batch of one store's browsing events in one transaction: appends them, links the visitors of
 * {@code identify} events to their customers (the visitor's earlier anonymous events join the customer),
 * recomputes the aggregates of every customer whose visitors sent events or were moved, and publishes
 * {@link BrowsingChanged} for them, so the groups re-test those customers after the commit. Also the nightly
 * upkeep of a store: prune what is older than the retention, roll the 30-day windows. Never on the order
 * write path: called by {@link BrowsingIntake}'s writer and the scheduler.
 */
@UseCase
public class RecordBrowsing {

    private final JdbcBrowsing browsing;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RecordBrowsing(JdbcBrowsing browsing, DomainEvents events, TransactionTemplate transaction, Clock clock) {
        this.browsing = browsing;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return the customers whose aggregates were recomputed */
    public Set<String> record(StoreId store, List<BrowsingEvent> batch) {
        return transaction.execute(status -> {
            Instant now = clock.instant();
            browsing.append(store, batch, now);
            Map<String, String> identified = new LinkedHashMap<>();
            Set<String> visitors = new HashSet<>();
            for (BrowsingEvent event : batch) {
                visitors.add(event.visitorId());
                if (event.kind() == EventKind.IDENTIFY) {
                    identified.put(event.visitorId(), event.customerId());
                }
            }
            // the links are read once: the customers before linking, plus those the identify events name
            Map<String, String> linked = new HashMap<>(browsing.linkedCustomers(store, visitors));
            Set<String> touched = new LinkedHashSet<>(
                    identified.isEmpty() ? Set.of() : browsing.link(store, identified, linked, now));
            linked.putAll(identified);
            touched.addAll(linked.values());
            if (!touched.isEmpty()) {
                browsing.recompute(store, touched, now);
                events.publish(new BrowsingChanged(store, touched, false));
            }
            return touched;
        });
    }

    /**
     * The nightly upkeep of a store's browsing: deletes events older than {@code retentionMonths} and
     * recomputes every customer's aggregates as of now (the 30-day windows move). Idempotent.
     */
    public void upkeep(StoreId store, int retentionMonths) {
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Instant before = now.atZone(java.time.ZoneOffset.UTC)
                    .minusMonths(retentionMonths)
                    .toInstant();
            browsing.prune(store, before);
            browsing.recompute(store, browsing.customers(store), now);
            events.publish(new BrowsingChanged(store, Set.of(), true));
        });
    }
}
