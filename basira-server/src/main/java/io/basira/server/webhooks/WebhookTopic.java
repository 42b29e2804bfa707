package io.basira.server.webhooks;

import io.basira.events.DomainEvent;
import io.basira.server.platform.events.ReceivedEvent;
import java.util.List;
import java.util.Set;

/**
 * A feature's webhook events: the event types it offers merchants and how a committed domain event becomes
 * messages. Declaring one as a bean is all a new event type needs (with its label {@code webhooks.event.<type>} in
 * the message bundles): the API, the dashboard and the fan-out read the {@link WebhookCatalogue} of every topic.
 *
 * <p>Contract: {@link #messages} is a function of the event — the same event gives the same messages in the same
 * order, ids included ({@link WebhookMessage#idOf}) — so that an event told twice writes no second delivery. Data
 * carries ids and states, like the domain events: a receiver reads more through the API.
 */
public interface WebhookTopic {

    /** The event types this topic produces, e.g. {@code group.entered}: lower case, dot-separated. */
    List<String> eventTypes();

    /** The domain events it reads. */
    Set<Class<? extends DomainEvent>> domainEvents();

    /** The messages of one committed event (none when it says nothing a receiver wants). */
    List<WebhookMessage> messages(ReceivedEvent received);
}
