package io.basira.server.webhooks;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;

/**
 * A registered endpoint, as shown (never with its secret).
 *
 * @param disabledReason null when enabled; {@code merchant} (disabled by hand) or {@code gone} (it answered 410)
 */
public record WebhookEndpoint(
        long id,
        StoreId store,
        String url,
        String description,
        List<String> eventTypes,
        boolean enabled,
        String disabledReason,
        Instant createdAt,
        Instant updatedAt) {

    public WebhookEndpoint {
        eventTypes = List.copyOf(eventTypes);
    }

    public boolean subscribes(String eventType) {
        return eventTypes.contains(eventType);
    }
}
