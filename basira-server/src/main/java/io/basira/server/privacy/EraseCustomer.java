package io.basira.server.privacy;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.ingest.IngestRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.CustomerDataKind.Erasure;
import io.basira.server.privacy.CustomerDataKind.Person;
import io.basira.shared.Store;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Erases one customer on request (docs/privacy.md, "Erase"): in one transaction, holding the store's write
 * lock, a pseudonymous customer row ({@code erased-} + random hex, no attribute) is made, every registered
 * {@link CustomerDataKind} erases or de-identifies its rows (orders and coupon uses move to the pseudonym and
 * stay in the store's accounts; everything else about the person goes), the tombstone is laid, the pseudonym's
 * card is folded from the orders it now holds, the erasure is recorded (counts per kind, when, by whom, no
 * personal data) with its audit entry, and a whole-store {@link CardsChanged} is published: the groups and
 * the analytics' columns of every instance reload the store without the person. After the commit each kind
 * forgets what it keeps in memory (the coupon states). An erased customer cannot be erased twice: their id
 * is unknown afterwards.
 */
@UseCase
public final class EraseCustomer {

    /** What was erased: the erasure's id, the pseudonym now holding the orders, rows per kind. */
    public record Erased(long erasureId, String pseudonym, Map<String, Integer> counts) {}

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final PrivacyRegistry registry;
    private final Tombstones tombstones;
    private final IngestRecords ingest;
    private final DomainEvents events;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final Clock clock;

    public EraseCustomer(
            JdbcTemplate jdbc,
            PrivacyRegistry registry,
            Tombstones tombstones,
            IngestRecords ingest,
            DomainEvents events,
            AuditLog audit,
            TransactionTemplate transaction,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.tombstones = tombstones;
        this.ingest = ingest;
        this.events = events;
        this.audit = audit;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Erases the customer now; joins the caller's transaction when there is one (a platform's request applied
     * from the inbox), the memory then following its commit.
     *
     * @param reason why, without personal data (a request's reference), or null
     * @throws NotFound when the store has no such customer (or it was erased already)
     */
    public Erased erase(Store store, String customerId, AuditLog.Actor actor, String reason) {
        Erased erased = transaction.execute(status -> eraseNow(store, customerId, actor, reason));
        Runnable forget = () -> registry.kinds().forEach(kind -> kind.forgetInMemory(store, customerId));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    forget.run();
                }
            });
        } else {
            forget.run();
        }
        return erased;
    }

    private Erased eraseNow(Store store, String customerId, AuditLog.Actor actor, String reason) {
        ingest.lockStore(store.id());
        Person person = person(store, customerId);
        Instant now = clock.instant();
        String pseudonym = tombstones.pseudonymOf(store.id(), customerId).orElseGet(EraseCustomer::newPseudonym);
        makePseudonym(store, customerId, pseudonym, now);
        Erasure erasure = new Erasure(store, person, pseudonym, now);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (CustomerDataKind kind : registry.erasureOrder()) {
            counts.put(kind.name(), kind.erase(erasure));
        }
        tombstones.lay(store.id(), customerId, pseudonym, now);
        ingest.refreshCards(store, Set.of(pseudonym));
        long id = record(store, actor, reason, pseudonym, counts, now);
        List<Changes.Change> changes = new ArrayList<>();
        counts.forEach((kind, rows) -> changes.add(new Changes.Change(kind, Integer.toString(rows), null)));
        audit.record(
                store.id(),
                actor,
                "customer.erase",
                new AuditLog.Subject("erasure", Long.toString(id), reason, null),
                changes);
        events.publish(CardsChanged.wholeStore(store.id()));
        return new Erased(id, pseudonym, counts);
    }

    private Person person(Store store, String customerId) {
        List<Person> found = jdbc.query(
                "SELECT external_id, email, phone, first_name, last_name FROM customers "
                        + "WHERE store_id = ? AND external_id = ? AND erased_at IS NULL",
                (rs, n) -> new Person(
                        rs.getString("external_id"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("first_name"),
                        rs.getString("last_name")),
                store.id().value(),
                customerId);
        if (found.isEmpty()) {
            throw new NotFound("customer '" + customerId + "' does not exist in this store (or was erased already)");
        }
        return found.get(0);
    }

    /** The pseudonym's row (once: a tombstoned customer that came back keeps the pseudonym of the first erasure). */
    private void makePseudonym(Store store, String customerId, String pseudonym, Instant now) {
        Integer exists = jdbc.queryForObject(
                "SELECT COUNT(*) FROM customers WHERE store_id = ? AND external_id = ?",
                Integer.class,
                store.id().value(),
                pseudonym);
        if (exists == 0) {
            jdbc.update(
                    "INSERT INTO customers (store_id, external_id, created_at, erased_at) SELECT store_id, ?, "
                            + "created_at, ? FROM customers WHERE store_id = ? AND external_id = ?",
                    pseudonym,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                    store.id().value(),
                    customerId);
        }
    }

    private long record(
            Store store,
            AuditLog.Actor actor,
            String reason,
            String pseudonym,
            Map<String, Integer> counts,
            Instant now) {
        jdbc.update(
                "INSERT INTO privacy_erasures (store_id, at, actor, reason, pseudonym, counts) VALUES (?, ?, ?, ?, ?, ?)",
                store.id().value(),
                OffsetDateTime.ofInstant(now, ZoneOffset.UTC),
                actor.kind() + ":" + actor.name(),
                reason,
                pseudonym,
                json.writeValueAsString(counts));
        return jdbc.queryForObject(
                "SELECT MAX(id) FROM privacy_erasures WHERE store_id = ? AND pseudonym = ?",
                Long.class,
                store.id().value(),
                pseudonym);
    }

    private static String newPseudonym() {
        byte[] bytes = new byte[10];
        RANDOM.nextBytes(bytes);
        return "erased-" + HexFormat.of().formatHex(bytes);
    }
}
