package io.basira.server.webhooks;

import io.basira.events.DomainEvent;
import io.basira.events.MembershipChanged;
import io.basira.server.platform.events.ReceivedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code group.entered} and {@code group.left}: customers entered or left a saved group. One message per group and
 * direction of a {@link MembershipChanged}, with the customers' ids sorted, at most {@value #CHUNK} a message (a rule
 * change or an import may move thousands: several messages then).
 */
public final class GroupWebhooks implements WebhookTopic {

    public static final String ENTERED = "group.entered";
    public static final String LEFT = "group.left";
    static final int CHUNK = 1000;

    @Override
    public List<String> eventTypes() {
        return List.of(ENTERED, LEFT);
    }

    @Override
    public Set<Class<? extends DomainEvent>> domainEvents() {
        return Set.of(MembershipChanged.class);
    }

    @Override
    public List<WebhookMessage> messages(ReceivedEvent received) {
        MembershipChanged changed = (MembershipChanged) received.event();
        List<WebhookMessage> messages = new ArrayList<>();
        add(messages, received, ENTERED, changed.entered(), changed.cause());
        add(messages, received, LEFT, changed.exited(), changed.cause());
        return messages;
    }

    private static void add(
            List<WebhookMessage> messages,
            ReceivedEvent received,
            String type,
            Map<String, Set<String>> moves,
            String cause) {
        int n = 0;
        for (Map.Entry<String, Set<String>> group : new TreeMap<>(moves).entrySet()) {
            List<String> customers = new ArrayList<>(new TreeSet<>(group.getValue()));
            for (int from = 0; from < customers.size(); from += CHUNK) {
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("group", group.getKey());
                data.put(
                        "customer_ids", List.copyOf(customers.subList(from, Math.min(customers.size(), from + CHUNK))));
                data.put("cause", cause);
                messages.add(new WebhookMessage(
                        WebhookMessage.idOf(received.id(), type, n++), type, received.recordedAt(), data));
            }
        }
    }
}
