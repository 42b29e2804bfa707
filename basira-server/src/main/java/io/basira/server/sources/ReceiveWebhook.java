package io.basira.server.sources;

import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.events.WebhookReceived;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.OptionalLong;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a verified delivery goes into the store's inbox, durably, before it is acknowledged. The inbox
 * row and its {@link WebhookReceived} event commit together (the outbox), so every stored event is applied
 * after the commit at least once — on this thread right away, or by the outbox's retries and its catch-up
 * after a restart — and {@link InboxApplication} makes that exactly once per event key. A delivery whose
 * event key the store already holds is a redelivery: acknowledged, not stored again.
 */
@UseCase
public final class ReceiveWebhook {

    /** What the inbox did with a delivery. @param inboxId the stored row; empty for a redelivery */
    public record Receipt(OptionalLong inboxId) {
        public boolean duplicate() {
            return inboxId.isEmpty();
        }
    }

    private final JdbcInbox inbox;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public ReceiveWebhook(JdbcInbox inbox, DomainEvents events, TransactionTemplate transaction, Clock clock) {
        this.inbox = inbox;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** Stores the event (committed when this returns) unless the store holds its key already. */
    public Receipt receive(Source source, String eventKey, String topic, String body) {
        return transaction.execute(status -> {
            OptionalLong id = inbox.insert(
                    source.store(), source.id(), source.platform(), eventKey, topic, body, clock.instant());
            id.ifPresent(stored -> events.publish(new WebhookReceived(source.store(), stored)));
            return new Receipt(id);
        });
    }

    /** Sends a parked event back to be applied again (after a fix). @return whether the store had it parked */
    public boolean replay(StoreId store, long inboxId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!inbox.unpark(store, inboxId)) {
                return false;
            }
            events.publish(new WebhookReceived(store, inboxId));
            return true;
        }));
    }
}
