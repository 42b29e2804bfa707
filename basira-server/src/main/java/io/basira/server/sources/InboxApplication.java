package io.basira.server.sources;

import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.events.DomainEvent;
import io.basira.events.WebhookReceived;
import io.basira.ingest.CommerceReads;
import io.basira.ingest.IngestRecords;
import io.basira.ingest.IngestRejected;
import io.basira.ingest.RecordBatch;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.PrivacyWebhooks;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.server.sources.jdbc.JdbcRecordVersions;
import io.basira.server.sources.mapping.Mapped;
import io.basira.server.sources.mapping.PlatformEvent;
import io.basira.server.sources.mapping.PlatformEvents;
import io.basira.server.sources.mapping.Unmappable;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox listener that applies inbox events ({@link WebhookReceived}), each in one transaction with the
 * records it writes: the event's row is locked while still {@code received}, read by its platform's reader,
 * its record's version claimed (an older version than one applied is recorded {@code stale} and not
 * written), and its records written through {@link IngestRecords} — the write use case of every other way
 * in — before the row becomes {@code applied}. So an event is applied exactly once however often it is
 * delivered, and never half: a payload that cannot be applied (unreadable, a status with no mapping, records
 * the store refuses) rolls back whole and is {@code parked} with the reason, to be replayed after a fix. Any
 * other failure (the database) is thrown, and the outbox retries it with backoff.
 */
final class InboxApplication implements DomainEventListener {

    private final JdbcInbox inbox;
    private final Writes writes;
    private final JdbcStores stores;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final JsonMapper json;
    private final InboxMetrics metrics;

    /** The write side the application needs: the use case, its reads, and the record versions. */
    record Writes(IngestRecords ingest, CommerceReads reads, JdbcRecordVersions versions, PrivacyWebhooks privacy) {}

    InboxApplication(
            JdbcInbox inbox,
            Writes writes,
            JdbcStores stores,
            TransactionTemplate transaction,
            Clock clock,
            InboxMetrics metrics) {
        this.inbox = inbox;
        this.writes = writes;
        this.stores = stores;
        this.transaction = transaction;
        this.clock = clock;
        this.json = PayloadJson.MAPPER;
        this.metrics = metrics;
    }

    @Override
    public String name() {
        return "webhook-inbox";
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(WebhookReceived.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        applyAll(((WebhookReceived) received.event()).inboxIds());
    }

    /** Applied after the acknowledgement, by the outbox's background worker: the sender does not wait for it. */
    @Override
    public boolean inBackground() {
        return true;
    }

    /**
     * A batch in one transaction, with one commit for all: the events still {@code received} are locked in one
     * read and taken in the order received, each exactly as {@link #apply} takes it (so a later version in the
     * batch still finds the earlier one claimed); the records of consecutive events that touch distinct records
     * are written together, by one call of the write use case's bulk path ({@link Merged}), and every event's
     * outcome is recorded in one batch of statements before the commit. When one of them cannot be applied (to be
     * parked), names an erased customer, or the transaction fails, the batch is rolled back whole and each event
     * applied alone, so the others are applied and only that one is parked. The inbox rows the outbox events name
     * (each names those of one group commit) are applied {@value #BATCH} to a transaction.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        applyAll(events.stream()
                .flatMap(received -> ((WebhookReceived) received.event()).inboxIds().stream())
                .toList());
    }

    /** The most inbox rows applied in one transaction. */
    static final int BATCH = 256;

    private void applyAll(List<Long> inboxIds) {
        List<Long> ids = inboxIds.stream().sorted().distinct().toList();
        if (ids.size() == 1) {
            apply(ids.get(0));
            return;
        }
        for (List<Long> chunk : Sql.chunks(ids, BATCH)) {
            try {
                transaction.executeWithoutResult(status -> applyBatch(chunk));
            } catch (RuntimeException e) {
                chunk.forEach(this::apply);
            }
        }
    }

    /** Thrown to roll a batch back when one of its events must be applied alone (it names an erased customer). */
    private static final class AloneNeeded extends RuntimeException {
        AloneNeeded() {
            super("an event of the batch is to be applied alone", null, false, false);
        }
    }

    /** {@link #applyAll}'s transaction: the events of {@code ids} still received, applied as one. */
    private void applyBatch(List<Long> ids) {
        Map<Long, JdbcInbox.Received> locked = inbox.lockReceived(ids);
        Map<StoreId, Store> stores = new HashMap<>();
        List<JdbcInbox.Finished> finished = new ArrayList<>(locked.size());
        Merged merged = null;
        for (JdbcInbox.Received received : locked.values()) {
            long id = received.entry().id();
            InboxEntry entry = received.entry();
            Store store = stores.computeIfAbsent(
                    entry.store(), any -> this.stores.findById(any).orElseThrow());
            JsonNode body = json.readTree(received.body());
            Mapped mapped = PrivacyWebhooks.handles(entry.platform().code(), entry.topic())
                    ? null
                    : PlatformEvents.of(entry.platform().code())
                            .read(new PlatformEvent(store, entry.topic(), body, entry.receivedAt()));
            if (mapped != null && mapped.isIgnored()) {
                finished.add(new JdbcInbox.Finished(id, InboxEntry.IGNORED, mapped.ignored()));
                continue;
            }
            if (mapped == null || !Merged.fits(mapped) || (merged != null && !merged.accepts(store, mapped))) {
                if (merged != null) {
                    finished.addAll(merged.write());
                    merged = null;
                }
                if (mapped == null) { // a privacy request: alone, from its body
                    applyLocked(received);
                    continue;
                }
                if (!Merged.fits(mapped)) { // cancellations, carts, reviews, wishlists: alone, as mapped here
                    applyMapped(id, store, mapped);
                    continue;
                }
            }
            if (merged == null) {
                merged = new Merged(store);
            }
            merged.add(id, mapped);
        }
        if (merged != null) {
            finished.addAll(merged.write());
        }
        inbox.finishAll(finished, clock.instant());
    }

    /**
     * Consecutive events of one store whose records are distinct (no record of one is a record of another): their
     * versions claimed by one statement ({@link JdbcRecordVersions#claimAll}), the stale ones left out, and the
     * records of the others written by one {@link IngestRecords#ingestScreened} call — the same claims, records,
     * cards and events as applying them one after the other, since none of them sees another's record. Only
     * events of orders, customers and products are merged; carts, reviews and wishlists (whose cards are folded
     * again from the records) and cancellations (which read the stored order) are applied alone.
     */
    private final class Merged {
        private final Store store;
        private final Set<String> records = new HashSet<>();
        private final Map<Long, Mapped> events = new LinkedHashMap<>();

        Merged(Store store) {
            this.store = store;
        }

        static boolean fits(Mapped mapped) {
            RecordBatch batch = mapped.batch();
            return mapped.cancelOrder() == null
                    && batch.carts().isEmpty()
                    && batch.cartLines().isEmpty()
                    && batch.reviews().isEmpty()
                    && batch.wishlistItems().isEmpty();
        }

        /** Whether the event's records are all distinct from those merged so far (and of the same store). */
        boolean accepts(Store of, Mapped mapped) {
            return of.id().equals(store.id()) && keys(mapped).stream().noneMatch(records::contains);
        }

        void add(long id, Mapped mapped) {
            records.addAll(keys(mapped));
            events.put(id, mapped);
        }

        /**
         * The event's records: its record key and those of the records it writes. An embedded customer is not one
         * (written only when missing, the first embedding wins as it would one event after the other).
         */
        private static Set<String> keys(Mapped mapped) {
            Set<String> keys = new HashSet<>();
            keys.add(mapped.recordKey());
            RecordBatch batch = mapped.batch();
            batch.products().forEach(p -> keys.add("product:" + p.externalId()));
            batch.customers().forEach(c -> keys.add("customer:" + c.externalId()));
            batch.orders().forEach(o -> keys.add("order:" + o.externalId()));
            batch.orderLines().forEach(l -> keys.add("order:" + l.orderExternalId()));
            return keys;
        }

        /** Claims the events' versions and writes the records of those claimed. @return each event's outcome */
        List<JdbcInbox.Finished> write() {
            List<JdbcRecordVersions.Claim> claims = new ArrayList<>(events.size());
            events.forEach((id, mapped) ->
                    claims.add(new JdbcRecordVersions.Claim(mapped.recordKey(), mapped.versionAt(), id)));
            Set<String> claimed = writes.versions().claimAll(store.id(), claims);
            RecordBatch batch = new RecordBatch();
            Map<String, Customer> embedded = new LinkedHashMap<>();
            List<JdbcInbox.Finished> finished = new ArrayList<>(events.size());
            events.forEach((id, mapped) -> {
                if (!claimed.contains(mapped.recordKey())) {
                    finished.add(new JdbcInbox.Finished(id, InboxEntry.STALE, stale(store, mapped)));
                    return;
                }
                RecordBatch records = mapped.batch();
                records.products().forEach(batch::add);
                records.customers().forEach(batch::add);
                records.orders().forEach(batch::add);
                records.orderLines().forEach(batch::add);
                mapped.customersIfMissing().forEach(customer -> embedded.putIfAbsent(customer.externalId(), customer));
                finished.add(new JdbcInbox.Finished(id, InboxEntry.APPLIED, mapped.summary()));
            });
            if (finished.stream().noneMatch(f -> f.state().equals(InboxEntry.APPLIED))) {
                return finished;
            }
            addMissing(batch, embedded);
            if (writes.ingest().ingestScreened(store, batch).namedErased()) { // whose body is to be forgotten
                throw new AloneNeeded();
            }
            return finished;
        }

        /** The embedded customers the batch does not define and the store does not know yet. */
        private void addMissing(RecordBatch batch, Map<String, Customer> embedded) {
            if (embedded.isEmpty()) {
                return;
            }
            Set<String> defined = new HashSet<>();
            batch.customers().forEach(customer -> defined.add(customer.externalId()));
            embedded.keySet().removeAll(defined);
            Set<String> missing = writes.reads().missingCustomers(store.id(), List.copyOf(embedded.keySet()));
            embedded.values().stream()
                    .filter(customer -> missing.contains(customer.externalId()))
                    .forEach(batch::add);
        }
    }

    private String stale(Store store, Mapped mapped) {
        return mapped.summary() + ": version of " + mapped.versionAt()
                + " is older than the one applied ("
                + writes.versions()
                        .newest(store.id(), mapped.recordKey())
                        .map(Object::toString)
                        .orElse("?") + "); not applied";
    }

    /** Applies the inbox event {@code id} if it is still to be applied; parks it if it cannot be. */
    void apply(long id) {
        try {
            transaction.executeWithoutResult(status -> applyLocked(id));
        } catch (Unmappable | IngestRejected | IllegalArgumentException | JacksonException e) {
            String reason = e instanceof IngestRejected rejected
                    ? String.join("; ", rejected.problems())
                    : e instanceof JacksonException ? "the body is not valid JSON" : e.getMessage();
            Platform parked = transaction.execute(status -> inbox.park(id, reason, clock.instant()));
            if (parked != null) {
                metrics.parked(parked);
            }
        }
    }

    private void applyLocked(long id) {
        JdbcInbox.Received received = inbox.lockReceived(id).orElse(null);
        if (received == null) {
            return; // applied, ignored or parked already: a repeated delivery
        }
        applyLocked(received);
    }

    /** Applies one event locked while received. */
    private void applyLocked(JdbcInbox.Received received) {
        long id = received.entry().id();
        InboxEntry entry = received.entry();
        Store store = stores.findById(entry.store()).orElseThrow();
        JsonNode body = json.readTree(received.body());
        java.util.Optional<String> privacyRequest =
                writes.privacy().apply(store, entry.platform().code(), entry.topic(), body);
        if (privacyRequest.isPresent()) {
            inbox.finish(id, InboxEntry.APPLIED, privacyRequest.get(), clock.instant());
            return;
        }
        Mapped mapped = PlatformEvents.of(entry.platform().code())
                .read(new PlatformEvent(store, entry.topic(), body, entry.receivedAt()));
        if (mapped.isIgnored()) {
            inbox.finish(id, InboxEntry.IGNORED, mapped.ignored(), clock.instant());
            return;
        }
        applyMapped(id, store, mapped);
    }

    /** Applies the mapped event {@code id} (locked while received, not ignored): claims its version, writes it. */
    private void applyMapped(long id, Store store, Mapped mapped) {
        if (!writes.versions().claim(store.id(), mapped.recordKey(), mapped.versionAt(), id)) {
            inbox.finish(id, InboxEntry.STALE, stale(store, mapped), clock.instant());
            return;
        }
        RecordBatch batch = batch(store, mapped);
        if (batch == null) {
            inbox.finish(
                    id,
                    InboxEntry.IGNORED,
                    "order " + mapped.cancelOrder() + " is not stored: nothing to cancel",
                    clock.instant());
            return;
        }
        IngestRecords.Ingested screened = writes.ingest().ingestScreened(store, batch); // screens erased customers
        if (screened.namedErased()) { // the body names an erased person: it is not kept (docs/privacy.md)
            inbox.eraseBody(id);
        }
        inbox.finish(
                id,
                InboxEntry.APPLIED,
                screened.namedErased()
                        ? "the records of an erased customer were dropped, their orders kept de-identified"
                        : mapped.summary(),
                clock.instant());
    }

    /** The records to write: the mapped ones with the embedded customers the store lacks; null for nothing. */
    private RecordBatch batch(Store store, Mapped mapped) {
        RecordBatch batch = mapped.batch();
        if (mapped.cancelOrder() != null) {
            Order stored = writes.reads()
                    .storedOrders(store.id(), List.of(mapped.cancelOrder()))
                    .get(mapped.cancelOrder());
            if (stored == null) {
                return null;
            }
            return batch.add(new Order(
                    stored.externalId(),
                    stored.customerExternalId(),
                    stored.createdAt(),
                    OrderStatus.CANCELLED,
                    stored.total(),
                    stored.discountTotal(),
                    stored.couponCode(),
                    stored.paymentMethod(),
                    stored.shippingMethod()));
        }
        if (!mapped.customersIfMissing().isEmpty()) {
            Set<String> missing = writes.reads()
                    .missingCustomers(
                            store.id(),
                            mapped.customersIfMissing().stream()
                                    .map(Customer::externalId)
                                    .toList());
            mapped.customersIfMissing().stream()
                    .filter(customer -> missing.contains(customer.externalId()))
                    .forEach(batch::add);
        }
        return batch;
    }
}
