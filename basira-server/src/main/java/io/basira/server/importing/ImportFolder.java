package io.basira.server.importing;

import io.basira.events.CardsChanged;
import io.basira.events.CustomersChanged;
import io.basira.events.DomainEvents;
import io.basira.events.OrdersRecorded;
import io.basira.events.UseCase;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteLocks;
import io.basira.ingest.WriteParticipant;
import io.basira.server.cards.jdbc.BulkCards;
import io.basira.server.csvimport.CanonicalFolderReader;
import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.ImportProgress;
import io.basira.server.csvimport.ImportReport;
import io.basira.server.csvimport.KnownRecords;
import io.basira.server.importing.jdbc.StagedImport;
import io.basira.server.ingest.jdbc.JdbcKnownIds;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.Tombstones;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: import a canonical CSV folder into a store (docs/import.md).
 *
 * <p>One pass, one transaction, holding the store exclusively. The folder is read and validated once;
 * every valid record streams into temporary tables as it is read ({@link StagedImport}: PostgreSQL
 * {@code COPY}, H2 batches). When the read found bad rows and {@code skipInvalid} is false, or a file
 * could not be read to its end, the transaction rolls back: nothing is applied (a store being
 * created is not created). Otherwise the records are upserted set-wise into the store's tables, the
 * write participants are told every order's version before and after (as on every way in), and the
 * cards of every touched customer are folded again in bulk ({@link BulkCards}, with the core's
 * {@code CardAccumulator}). Importing the same folder again changes nothing.
 *
 * <p>Memory: the ids of the import's customers and orders (for the reference checks) and one chunk of
 * {@value #CHUNK} order changes; never the records themselves.
 *
 * <p>Events, in the import's transaction: {@link OrdersRecorded} and {@link CustomersChanged} per chunk
 * of {@value #CHUNK}, and one {@link CardsChanged#wholeStore} for the cards.
 */
@UseCase
public final class ImportFolder {

    private static final Logger log = LoggerFactory.getLogger(ImportFolder.class);

    /** How many orders the participants and {@link OrdersRecorded} get at a time. */
    static final int CHUNK = 5_000;

    /** Progress of the apply pass, with the pass named for the person watching. */
    public interface Progress {
        ImportProgress pass(String name);

        static Progress none() {
            return name -> ImportProgress.none();
        }
    }

    /** Where the import writes, and whom it tells. */
    public record Writing(
            DataSource dataSource, SqlDialect dialect, WriteLocks locks, List<WriteParticipant> participants) {
        public Writing {
            participants = List.copyOf(participants);
        }
    }

    private final CanonicalFolderReader reader;
    private final Writing writing;
    private final BulkCards cards;
    private final JdbcKnownIds knownIds;
    private final TransactionTemplate transaction;
    private final JdbcStores stores;
    private final Clock clock;
    private final DomainEvents events;
    private final Tombstones tombstones;

    /** @param tombstones the erased customers an import must not bring back (docs/privacy.md) */
    public ImportFolder(
            Writing writing,
            JdbcKnownIds knownIds,
            JdbcStores stores,
            TransactionTemplate transaction,
            Clock clock,
            DomainEvents events,
            Tombstones tombstones) {
        this.tombstones = tombstones;
        this.reader = new CanonicalFolderReader();
        this.writing = writing;
        this.cards = new BulkCards(writing.dataSource(), writing.dialect());
        this.knownIds = knownIds;
        this.stores = stores;
        this.transaction = transaction;
        this.clock = clock;
        this.events = events;
    }

    /** A store to create when the import is applied; until then it does not exist. */
    public record NewStore(String slug, String name, Currency currency, ZoneId timeZone) {}

    /** Imports into an existing store. */
    public ImportOutcome run(Store store, Path folder, boolean skipInvalid, Progress progress) {
        return run(store, folder, skipInvalid, progress, ColumnMapping.none());
    }

    /** Imports into an existing store, reading the files the mapping names through it (docs/import.md). */
    public ImportOutcome run(Store store, Path folder, boolean skipInvalid, Progress progress, ColumnMapping mapping) {
        return run(folder, skipInvalid, progress, () -> store, false, mapping);
    }

    /**
     * Imports into a store that does not exist yet: the store is created in the import's
     * transaction, so a refused import leaves no empty store behind.
     */
    public ImportOutcome runCreating(NewStore spec, Path folder, boolean skipInvalid, Progress progress) {
        return runCreating(spec, folder, skipInvalid, progress, ColumnMapping.none());
    }

    /** {@link #runCreating(NewStore, Path, boolean, Progress)} through a column mapping. */
    public ImportOutcome runCreating(
            NewStore spec, Path folder, boolean skipInvalid, Progress progress, ColumnMapping mapping) {
        Store.requireValidSlug(spec.slug());
        return run(
                folder,
                skipInvalid,
                progress,
                () -> stores.create(spec.slug(), spec.name(), spec.currency(), spec.timeZone()),
                true,
                mapping);
    }

    private ImportOutcome run(
            Path folder,
            boolean skipInvalid,
            Progress progress,
            Supplier<Store> target,
            boolean creating,
            ColumnMapping mapping) {
        Instant started = clock.instant();
        Outcome outcome = transaction.execute(status -> {
            Store store = target.get();
            writing.locks().lockStore(store.id());
            // read under the lock: no record arrives unseen between the check and the write
            KnownRecords known = creating ? KnownRecords.none() : known(store);
            StagedImport staged = StagedImport.begin(writing.dataSource(), writing.dialect());
            try {
                long phase = System.nanoTime();
                Tombstones.Screen screen = creating
                        ? tombstones.screen(store.id(), java.util.List.of())
                        : tombstones.screenAll(store.id());
                ImportReport report = reader.read(
                        folder,
                        store,
                        known,
                        new StagingSink(staged, screen),
                        progress.pass("importing"),
                        mapping,
                        LocalDate.ofInstant(started, store.timeZone()));
                screen.logDropped(store.id());
                staged.endTable();
                phase = logPhase("read and staged", phase);
                // a file not read to its end (missing header column, broken quoting, not UTF-8) hides rows
                // nobody has seen: skipping "the bad rows" would silently drop them, so it refuses too
                if (report.hasErrors() && (!skipInvalid || !report.isComplete())) {
                    status.setRollbackOnly();
                    return new Outcome(false, report, 0);
                }
                staged.apply(store);
                phase = logPhase("upserted", phase);
                staged.orderChanges(store, CHUNK, changes -> ordersWritten(store.id(), changes));
                staged.customersWritten(
                        CHUNK, ids -> events.publish(new CustomersChanged(store.id(), Set.copyOf(ids))));
                phase = logPhase("told the participants", phase);
                long refreshed = staged.touchedWholeStore()
                        ? cards.rebuildAll(store)
                        : cards.rebuildListed(store, StagedImport.touchedTable());
                logPhase("folded the cards", phase);
                events.publish(CardsChanged.wholeStore(store.id()));
                return new Outcome(true, report, refreshed);
            } catch (RuntimeException | Error e) {
                // an open COPY holds the connection: the rollback would wait for it for ever
                staged.abandon();
                throw e;
            }
        });
        return new ImportOutcome(
                outcome.applied(),
                creating && outcome.applied(),
                outcome.report(),
                outcome.refreshed(),
                Duration.between(started, clock.instant()));
    }

    /** A chunk of orders to every participant, then its {@link OrdersRecorded}, as a write through the API does. */
    private void ordersWritten(StoreId store, List<OrderChange> changes) {
        OrdersWritten written = new OrdersWritten(store, changes);
        writing.participants().forEach(participant -> participant.ordersWritten(written));
        List<OrdersRecorded.Recorded> recorded = new ArrayList<>(changes.size());
        for (OrderChange change : changes) {
            recorded.add(new OrdersRecorded.Recorded(
                    change.after().externalId(),
                    change.after().customerExternalId(),
                    change.before() == null ? null : change.before().status().code(),
                    change.after().status().code()));
        }
        events.publish(new OrdersRecorded(store, recorded));
    }

    /** Logs how long a step took (the operator's view of where an import spends its time). @return now */
    private static long logPhase(String step, long since) {
        long now = System.nanoTime();
        log.info("import {} in {} ms", step, (now - since) / 1_000_000);
        return now;
    }

    private record Outcome(boolean applied, ImportReport report, long refreshed) {}

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

            /** Loaded at the first line of a cart_items.csv (under the store's lock, like the others). */
            private Set<String> carts;

            @Override
            public boolean cartExists(String cartId) {
                if (carts == null) {
                    carts = knownIds.carts(store.id());
                }
                return carts.contains(cartId);
            }
        };
    }
}
