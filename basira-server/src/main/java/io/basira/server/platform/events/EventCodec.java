package io.basira.server.platform.events;

import io.basira.events.AnalyticsRefreshed;
import io.basira.events.BrowsingChanged;
import io.basira.events.CampaignsChanged;
import io.basira.events.CardsChanged;
import io.basira.events.CustomersChanged;
import io.basira.events.DomainEvent;
import io.basira.events.GroupsRedefined;
import io.basira.events.LoyaltyChanged;
import io.basira.events.MembershipChanged;
import io.basira.events.OrdersRecorded;
import io.basira.events.WebhookReceived;
import io.basira.shared.StoreId;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Events as stored: the type name of {@link DomainEvent#type()} and the record as JSON (the server's Jackson). */
final class EventCodec {

    private static final Map<String, Class<? extends DomainEvent>> TYPES = Map.of(
            "orders_recorded", OrdersRecorded.class,
            "customers_changed", CustomersChanged.class,
            "cards_changed", CardsChanged.class,
            "membership_changed", MembershipChanged.class,
            "groups_redefined", GroupsRedefined.class,
            "analytics_refreshed", AnalyticsRefreshed.class,
            "webhook_received", WebhookReceived.class,
            "loyalty_changed", LoyaltyChanged.class,
            "browsing_changed", BrowsingChanged.class,
            "campaigns_changed", CampaignsChanged.class);

    private final JsonMapper json;

    EventCodec(JsonMapper json) {
        this.json = json;
    }

    /**
     * A {@link WebhookReceived}: {@code {"store":…,"inbox_ids":[…]}}, or the one-row form that servers before the
     * one event per group commit recorded, {@code {"store":…,"inbox_id":…}} (still delivered after an upgrade).
     */
    private WebhookReceived webhookReceived(String payload) {
        JsonNode tree = json.readTree(payload);
        JsonNode one = tree.get("inbox_id");
        if (one != null && one.isIntegralNumber()) {
            return new WebhookReceived(json.treeToValue(tree.get("store"), StoreId.class), one.asLong());
        }
        return json.treeToValue(tree, WebhookReceived.class);
    }

    String write(DomainEvent event) {
        return json.writeValueAsString(event);
    }

    DomainEvent read(String type, String payload) {
        Class<? extends DomainEvent> kind = TYPES.get(type);
        if (kind == null) {
            throw new IllegalArgumentException("unknown event type: " + type);
        }
        if (kind == WebhookReceived.class) {
            return webhookReceived(payload);
        }
        return json.readValue(payload, kind);
    }
}
