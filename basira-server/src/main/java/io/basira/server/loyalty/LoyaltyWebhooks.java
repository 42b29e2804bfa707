package io.basira.server.loyalty;

import io.basira.events.DomainEvent;
import io.basira.events.LoyaltyChanged;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.webhooks.WebhookMessage;
import io.basira.server.webhooks.WebhookTopic;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code loyalty.points_earned} (one message per customer who earned points), {@code loyalty.tier_changed} (per
 * customer, from and to) and {@code loyalty.points_expiring} (per customer, the points and the date), made from
 * {@link LoyaltyChanged}; ids from the event, so an event told twice writes no second delivery.
 */
public final class LoyaltyWebhooks implements WebhookTopic {

    public static final String EARNED = "loyalty.points_earned";
    public static final String TIER = "loyalty.tier_changed";
    public static final String EXPIRING = "loyalty.points_expiring";

    @Override
    public List<String> eventTypes() {
        return List.of(EARNED, TIER, EXPIRING);
    }

    @Override
    public Set<Class<? extends DomainEvent>> domainEvents() {
        return Set.of(LoyaltyChanged.class);
    }

    @Override
    public List<WebhookMessage> messages(ReceivedEvent received) {
        LoyaltyChanged changed = (LoyaltyChanged) received.event();
        List<WebhookMessage> messages = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, Long> earned : new TreeMap<>(changed.earned()).entrySet()) {
            messages.add(message(
                    received, EARNED, n++, Map.of("customer_id", earned.getKey(), "points", earned.getValue())));
        }
        n = 0;
        for (LoyaltyChanged.TierMove move : changed.tierMoves()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("customer_id", move.customerId());
            data.put("from", move.from());
            data.put("to", move.to());
            messages.add(message(received, TIER, n++, data));
        }
        n = 0;
        for (LoyaltyChanged.Expiring expiring : changed.expiring()) {
            messages.add(message(
                    received,
                    EXPIRING,
                    n++,
                    Map.of(
                            "customer_id",
                            expiring.customerId(),
                            "points",
                            expiring.points(),
                            "expires_on",
                            expiring.on().toString())));
        }
        return messages;
    }

    private static WebhookMessage message(ReceivedEvent received, String type, int n, Map<String, Object> data) {
        return new WebhookMessage(WebhookMessage.idOf(received.id(), type, n), type, received.recordedAt(), data);
    }
}
