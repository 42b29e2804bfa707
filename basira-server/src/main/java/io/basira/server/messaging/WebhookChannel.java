package io.basira.server.messaging;

import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.delivery.RenderedMessage;
import io.basira.events.DomainEvent;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.webhooks.WebhookEndpoint;
import io.basira.server.webhooks.WebhookMessage;
import io.basira.server.webhooks.WebhookQueue;
import io.basira.server.webhooks.WebhookTopic;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The WEBHOOK channel: the message becomes the outgoing webhook {@value #TYPE} (docs/webhooks.md) for every
 * enabled endpoint of the store that subscribes to it, for the store's own messaging system to deliver. Its
 * {@code webhook-id} comes from the idempotency key, so the queue itself never holds one message twice. Sent
 * means queued; a store with no subscribed endpoint fails for good ("no endpoint subscribes"). Also the
 * {@link WebhookTopic} that offers the type to merchants; it reads no domain event.
 */
public final class WebhookChannel implements WebhookTopic {

    public static final String TYPE = "campaign.message";

    private final JdbcWebhookEndpoints endpoints;
    private final WebhookQueue queue;
    private final Clock clock;

    public WebhookChannel(JdbcWebhookEndpoints endpoints, WebhookQueue queue, Clock clock) {
        this.endpoints = endpoints;
        this.queue = queue;
        this.clock = clock;
    }

    @Override
    public List<String> eventTypes() {
        return List.of(TYPE);
    }

    @Override
    public Set<Class<? extends DomainEvent>> domainEvents() {
        return Set.of();
    }

    @Override
    public List<WebhookMessage> messages(ReceivedEvent received) {
        return List.of();
    }

    public SendOutcome send(MessageRequest request, RenderedMessage rendered) {
        List<WebhookEndpoint> subscribed = endpoints.enabled(request.store()).stream()
                .filter(endpoint -> endpoint.subscribes(TYPE))
                .toList();
        if (subscribed.isEmpty()) {
            return new SendOutcome.Failed("no webhook endpoint of the store subscribes to " + TYPE, false);
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer_id", request.customerId());
        data.put("campaign_id", request.campaignId());
        data.put("trigger_key", request.triggerKey());
        data.put("purpose", request.purpose().name().toLowerCase(java.util.Locale.ROOT));
        data.put("language", rendered.language());
        data.put("subject", rendered.subject());
        data.put("text", rendered.text());
        String id = "msg_campaign_" + hash(request.idempotencyKey());
        WebhookMessage message = new WebhookMessage(id, TYPE, clock.instant(), data);
        for (WebhookEndpoint endpoint : subscribed) {
            queue.enqueue(endpoint, message);
        }
        queue.wake();
        return new SendOutcome.Sent(clock.instant(), id);
    }

    static String hash(String key) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)))
                    .substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
