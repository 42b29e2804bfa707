package io.basira.server.privacy;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.ingest.IngestRecords;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Enforces a store's retention (the store-midnight job {@code privacy-retention}): for each kind with a setting,
 * the rows older than its days go ({@link CustomerDataKind.Retention#prune}), the cards of the customers whose
 * records went are folded again, and {@link CardsChanged} names them — one transaction per store, holding the
 * store's write lock. Idempotent: a second run the same day finds nothing older.
 */
@UseCase
public final class RetentionRun {

    private final PrivacyRegistry registry;
    private final RetentionSettings settings;
    private final IngestRecords ingest;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public RetentionRun(
            PrivacyRegistry registry,
            RetentionSettings settings,
            IngestRecords ingest,
            DomainEvents events,
            TransactionTemplate transaction,
            Clock clock) {
        this.registry = registry;
        this.settings = settings;
        this.ingest = ingest;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** @return rows pruned per kind */
    public Map<String, Integer> run(Store store) {
        Map<String, Integer> days = settings.days(store.id());
        Map<String, Integer> pruned = new LinkedHashMap<>();
        if (days.isEmpty()) {
            return pruned;
        }
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            ingest.lockStore(store.id());
            Set<String> touched = new HashSet<>();
            for (CustomerDataKind kind : registry.retained()) {
                Integer keep = days.get(kind.name());
                if (keep != null) {
                    pruned.put(
                            kind.name(),
                            kind.retention().orElseThrow().prune(store, now.minus(Duration.ofDays(keep)), touched));
                }
            }
            if (!touched.isEmpty()) {
                ingest.refreshCards(store, touched);
                events.publish(CardsChanged.of(store.id(), touched));
            }
        });
        return pruned;
    }
}
