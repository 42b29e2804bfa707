package io.basira.events;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Objects;

/**
 * Platform webhooks were stored in the store's inbox (rows {@code inboxIds}, ascending, at least one), or a
 * parked one was sent back to it for a replay: the inbox's listener applies them. One event stands for every
 * row of the store that one group commit of the inbox stored, so the outbox writes one event per commit, not
 * one per webhook.
 */
public record WebhookReceived(StoreId store, List<Long> inboxIds) implements DomainEvent {

    public WebhookReceived {
        Objects.requireNonNull(store, "store");
        inboxIds = List.copyOf(inboxIds);
        if (inboxIds.isEmpty()) {
            throw new IllegalArgumentException("a webhook_received event names at least one inbox row");
        }
    }

    /** One stored (or replayed) row. */
    public WebhookReceived(StoreId store, long inboxId) {
        this(store, List.of(inboxId));
    }

    @Override
    public String type() {
        return "webhook_received";
    }
}
