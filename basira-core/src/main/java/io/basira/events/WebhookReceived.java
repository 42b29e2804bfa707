package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Objects;

/**
 * A platform's webhook was stored in the store's inbox (row {@code inboxId}), or a parked one was sent
 * back to it for a replay: the inbox's listener applies it.
 */
public record WebhookReceived(StoreId store, long inboxId) implements DomainEvent {

    public WebhookReceived {
        Objects.requireNonNull(store, "store");
    }

    @Override
    public String type() {
        return "webhook_received";
    }
}
