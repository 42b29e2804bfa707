package io.basira.server.webhooks;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.platform.events.ReceivedEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code card.changed}: customers' cards changed (an order, a customer written). The ids sorted, at most
 * {@value GroupWebhooks#CHUNK} a message; an import or rebuild says {@code whole_store: true} with no ids (read the
 * cards again through the API).
 */
public final class CardWebhooks implements WebhookTopic {

    public static final String CHANGED = "card.changed";

    @Override
    public List<String> eventTypes() {
        return List.of(CHANGED);
    }

    @Override
    public Set<Class<? extends DomainEvent>> domainEvents() {
        return Set.of(CardsChanged.class);
    }

    @Override
    public List<WebhookMessage> messages(ReceivedEvent received) {
        CardsChanged cards = (CardsChanged) received.event();
        List<WebhookMessage> messages = new ArrayList<>();
        if (cards.wholeStore()) {
            messages.add(message(received, 0, List.of(), true));
            return messages;
        }
        List<String> customers = new ArrayList<>(new TreeSet<>(cards.customerIds()));
        for (int from = 0, n = 0; from < customers.size(); from += GroupWebhooks.CHUNK, n++) {
            messages.add(message(
                    received,
                    n,
                    customers.subList(from, Math.min(customers.size(), from + GroupWebhooks.CHUNK)),
                    false));
        }
        return messages;
    }

    private static WebhookMessage message(ReceivedEvent received, int n, List<String> customers, boolean wholeStore) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer_ids", List.copyOf(customers));
        data.put("whole_store", wholeStore);
        return new WebhookMessage(WebhookMessage.idOf(received.id(), CHANGED, n), CHANGED, received.recordedAt(), data);
    }
}
