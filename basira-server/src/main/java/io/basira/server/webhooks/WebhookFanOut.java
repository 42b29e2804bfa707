package io.basira.server.webhooks;

import io.basira.events.DomainEvent;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import java.util.List;
import java.util.Set;

/**
 * The durable outbox listener {@value #NAME}: turns a committed domain event into one delivery per message and
 * enabled endpoint of the event's store subscribed to the message's type, due at once, then wakes the dispatcher.
 *
 * <p>Idempotent: the messages of an event and their ids are the same every time ({@link WebhookTopic}) and a delivery
 * is written once per endpoint and message id, so an event told twice — a retry, the catch-up after a restart, another
 * instance's feed — writes nothing the second time. An endpoint registered after the event was recorded gets it
 * only if the event is told after the registration: a delivery is for the endpoints of the moment it is written.
 */
public final class WebhookFanOut implements DomainEventListener {

    public static final String NAME = "webhooks-out";

    private final WebhookCatalogue catalogue;
    private final JdbcWebhookEndpoints endpoints;
    private final WebhookQueue queue;

    public WebhookFanOut(WebhookCatalogue catalogue, JdbcWebhookEndpoints endpoints, WebhookQueue queue) {
        this.catalogue = catalogue;
        this.endpoints = endpoints;
        this.queue = queue;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return catalogue.domainEvents();
    }

    @Override
    public void handle(ReceivedEvent received) {
        List<WebhookEndpoint> subscribed = endpoints.enabled(received.event().store());
        if (subscribed.isEmpty()) {
            return;
        }
        int written = 0;
        for (WebhookTopic topic : catalogue.topicsFor(received.event())) {
            for (WebhookMessage message : topic.messages(received)) {
                for (WebhookEndpoint endpoint : subscribed) {
                    if (endpoint.subscribes(message.type()) && queue.enqueue(endpoint, message)) {
                        written++;
                    }
                }
            }
        }
        if (written > 0) {
            queue.wake();
        }
    }
}
