package io.basira.server.importing;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.RecordOwners;
import io.basira.server.csvimport.CanonicalFolderReader;
import io.basira.server.csvimport.ImportProgress;
import io.basira.server.csvimport.ImportReport;
import io.basira.server.csvimport.KnownRecords;
import io.basira.server.csvimport.RecordSink;
import io.basira.server.jdbc.JdbcKnownIds;
import io.basira.shared.Store;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.function.Supplier;
import java.util.Currency;
import java.time.ZoneId;
import io.basira.shared.StoreId;
import io.basira.server.jdbc.JdbcStores;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: import a canonical CSV folder into a store (docs/import.md).
 *
 * <p>Two passes. The first reads and validates everything and writes nothing. When it found bad
 * rows and {@code skipInvalid} is false, or a file could not be read to its end, the import stops
 * there: nothing is applied. Otherwise the
 * second pass reads again and applies the good rows, and the cards of every touched customer are
 * refreshed, all in one transaction: an import is applied whole or not at all, and importing the
 * same folder again changes nothing.
 *
 * <p>Events: those of {@link IngestRecords#write} per chunk, and one {@link CardsChanged#wholeStore} for the
 * cards, in the import's transaction.
 */
@UseCase
public final class ImportFolder {

    /** Progress of the apply pass, with the pass named for the person watching. */
    public interface Progress {
        ImportProgress pass(String name);

        static Progress none() {
            return name -> ImportProgress.none();
        }
    }

    private final CanonicalFolderReader reader;
    private final IngestRecords ingest;
    private final JdbcKnownIds knownIds;
    private final TransactionTemplate transaction;
    private final JdbcStores stores;
    private final Clock clock;
    private final DomainEvents events;

    public ImportFolder(IngestRecords ingest, JdbcKnownIds knownIds, JdbcStores stores, TransactionTemplate transaction,
            Clock clock, DomainEvents events) {
        this.events = events;
        this.reader = new CanonicalFolderReader();
        this.stores = stores;
        this.ingest = ingest;
        this.knownIds = knownIds;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A store to create when the import is applied; until then it does not exist. */
    public record NewStore(String slug, String name, Currency currency, ZoneId timeZone) {}

    /** Imports into an existing store. */
    public ImportOutcome run(Store store, Path folder, boolean skipInvalid, Progress progress) {
        return run(store, known(store), folder, skipInvalid, progress, () -> store, false);
    }

    /**
     * Imports into a store that does not exist yet: the store is created in the import's
     * transaction, so a refused import leaves no empty store behind.
     */
    public ImportOutcome runCreating(NewStore spec, Path folder, boolean skipInvalid, Progress progress) {
        Store.requireValidSlug(spec.slug());
        Store provisional = new Store(new StoreId(Long.MAX_VALUE), spec.slug(), spec.name(), spec.currency(), spec.timeZone());
        return run(provisional, KnownRecords.none(), folder, skipInvalid, progress,
                () -> stores.create(spec.slug(), spec.name(), spec.currency(), spec.timeZone()), true);
    }

    private ImportOutcome run(Store checkedAs, KnownRecords known, Path folder, boolean skipInvalid, Progress progress,
            Supplier<Store> target, boolean creating) {
        Instant started = clock.instant();
        ImportReport checked = reader.read(folder, checkedAs, known, RecordSink.discarding(), progress.pass("checking"));
        // a file not read to its end (missing header column, broken quoting, not UTF-8) hides rows
        // nobody has seen: skipping "the bad rows" would silently drop them, so it refuses too
        if (checked.hasErrors() && (!skipInvalid || !checked.isComplete())) {
            return new ImportOutcome(false, false, checked, 0, Duration.between(started, clock.instant()));
        }
        long[] refreshed = {0};
        ImportReport applied = transaction.execute(status -> {
            Store store = target.get();
            ingest.lockStore(store.id());
            RecordOwners owners = creating ? RecordOwners.none() : knownIds.owners(store.id());
            BatchingSink sink = new BatchingSink(ingest, store.id(), owners);
            ImportReport report = reader.read(folder, store, known, sink, progress.pass("importing"));
            sink.flush();
            refreshed[0] = ingest.refreshCards(store, sink.affectedCustomers()).size();
            events.publish(CardsChanged.wholeStore(store.id()));
            return report;
        });
        return new ImportOutcome(true, creating, applied, refreshed[0], Duration.between(started, clock.instant()));
    }

    private KnownRecords known(Store store) {
        Set<String> customers = knownIds.customers(store.id());
        Set<String> orders = knownIds.orders(store.id());
        return new KnownRecords() {
            @Override
            public boolean customerExists(String customerId) {
                return customers.contains(customerId);
            }

            @Override
            public boolean orderExists(String orderId) {
                return orders.contains(orderId);
            }
        };
    }
}
