package io.basira.server.webhooks;

import io.basira.events.DomainEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every event type an endpoint may subscribe to, from the registered {@link WebhookTopic}s, in their order. The
 * test event ({@value #TEST}) is sent on request to any endpoint and is not subscribed to.
 */
public final class WebhookCatalogue {

    public static final String TEST = "webhook.test";

    private final List<WebhookTopic> topics;
    private final List<String> eventTypes;

    public WebhookCatalogue(List<WebhookTopic> topics) {
        this.topics = List.copyOf(topics);
        Set<String> types = new LinkedHashSet<>();
        for (WebhookTopic topic : topics) {
            for (String type : topic.eventTypes()) {
                if (!type.matches("[a-z][a-z_]*(\\.[a-z][a-z_]*)+") || type.equals(TEST) || !types.add(type)) {
                    throw new IllegalStateException(
                            "webhook event type '" + type + "' is malformed or registered twice");
                }
            }
        }
        this.eventTypes = List.copyOf(types);
    }

    public List<String> eventTypes() {
        return eventTypes;
    }

    public boolean offers(String type) {
        return eventTypes.contains(type);
    }

    public List<WebhookTopic> topicsFor(DomainEvent event) {
        List<WebhookTopic> wanting = new ArrayList<>();
        for (WebhookTopic topic : topics) {
            if (topic.domainEvents().contains(event.getClass())) {
                wanting.add(topic);
            }
        }
        return wanting;
    }

    /** The domain events some topic reads. */
    public Set<Class<? extends DomainEvent>> domainEvents() {
        Set<Class<? extends DomainEvent>> all = new LinkedHashSet<>();
        topics.forEach(topic -> all.addAll(topic.domainEvents()));
        return all;
    }
}
