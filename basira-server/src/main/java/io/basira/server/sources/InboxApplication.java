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
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.PrivacyWebhooks;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.server.sources.jdbc.JdbcRecordVersions;
import io.basira.server.sources.mapping.Mapped;
import io.basira.server.sources.mapping.PlatformEvent;
import io.basira.server.sources.mapping.PlatformEvents;
import io.basira.server.sources.mapping.Unmappable;
import io.basira.shared.Store;
import java.time.Clock;
import java.util.List;
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
        apply(((WebhookReceived) received.event()).inboxId());
    }

    /** Applied after the acknowledgement, by the outbox's background worker: the sender does not wait for it. */
    @Override
    public boolean inBackground() {
        return true;
    }

    /**
     * A batch in one transaction — each event exactly as {@link #apply} does it, in the order received, so a
     * later version in the batch still finds the earlier one claimed — with one commit for all. When one of them
     * cannot be applied (to be parked), or the transaction fails, the batch is rolled back whole and each event
     * applied alone, so the others are applied and only that one is parked.
     */
    @Override
    public void handleAll(List<ReceivedEvent> events) {
        if (events.size() == 1) {
            handle(events.get(0));
            return;
        }
        List<Long> ids = events.stream()
                .map(received -> ((WebhookReceived) received.event()).inboxId())
                .sorted()
                .toList();
        try {
            transaction.executeWithoutResult(status -> ids.forEach(this::applyLocked));
        } catch (RuntimeException e) {
            ids.forEach(this::apply);
        }
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
        if (!writes.versions().claim(store.id(), mapped.recordKey(), mapped.versionAt(), id)) {
            inbox.finish(
                    id,
                    InboxEntry.STALE,
                    mapped.summary() + ": version of " + mapped.versionAt()
                            + " is older than the one applied ("
                            + writes.versions()
                                    .newest(store.id(), mapped.recordKey())
                                    .map(Object::toString)
                                    .orElse("?") + "); not applied",
                    clock.instant());
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
