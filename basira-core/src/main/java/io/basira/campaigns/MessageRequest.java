package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.util.Objects;

/**
 * One message the campaign engine wants delivered to one customer. {@code campaignId} names the campaign (or
 * {@code "test"} for a test send from the dashboard), {@code triggerKey} the occasion within it (an abandoned
 * cart's id and reminder number, a birthday's year, a one-off's run); together with the store and customer
 * they are the message's idempotency key: the messenger sends a key at most once, ever.
 */
public record MessageRequest(
        StoreId store,
        String customerId,
        Channel channel,
        Purpose purpose,
        String campaignId,
        String triggerKey,
        MessageTemplate template,
        MessageVariables variables) {

    public MessageRequest {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(campaignId, "campaignId");
        Objects.requireNonNull(triggerKey, "triggerKey");
        Objects.requireNonNull(template, "template");
        variables = variables == null ? MessageVariables.NONE : variables;
    }

    /** Never twice for the same customer, campaign and trigger. */
    public String idempotencyKey() {
        return store + "/" + customerId + "/" + campaignId + "/" + triggerKey;
    }
}
