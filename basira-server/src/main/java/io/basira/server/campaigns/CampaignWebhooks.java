package io.basira.server.campaigns;

import io.basira.events.CampaignsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.platform.events.ReceivedEvent;
import io.basira.server.webhooks.WebhookMessage;
import io.basira.server.webhooks.WebhookTopic;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code campaign.enrolled} (one message per new enrolment: campaign, customer, trigger, side) and
 * {@code campaign.converted} (one per campaign, customer and converting order), made from {@link CampaignsChanged}
 * (docs/campaigns.md, "Webhooks"). Ids come from the fact, not the event — the store, campaign, customer and trigger
 * (or order) — so one fact is one {@code webhook-id} however often it is told. The campaign's id is a string, as in
 * {@code campaign.message}, so a receiver can join the three.
 */
public final class CampaignWebhooks implements WebhookTopic {

    public static final String ENROLLED = "campaign.enrolled";
    public static final String CONVERTED = "campaign.converted";

    @Override
    public List<String> eventTypes() {
        return List.of(ENROLLED, CONVERTED);
    }

    @Override
    public Set<Class<? extends DomainEvent>> domainEvents() {
        return Set.of(CampaignsChanged.class);
    }

    @Override
    public List<WebhookMessage> messages(ReceivedEvent received) {
        CampaignsChanged changed = (CampaignsChanged) received.event();
        long store = changed.store().value();
        List<WebhookMessage> messages = new ArrayList<>();
        for (CampaignsChanged.Enrolled e : changed.enrolled()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaign_id", String.valueOf(e.campaignId()));
            data.put("customer_id", e.customerId());
            data.put("trigger_key", e.triggerKey());
            data.put("arm", e.arm());
            data.put("triggered_at", e.triggeredAt().toString());
            data.put("due_at", e.dueAt().toString());
            messages.add(new WebhookMessage(
                    "msg_campaign_enrolled_"
                            + hash(store + "/" + e.campaignId() + "/" + e.customerId() + "/" + e.triggerKey()),
                    ENROLLED,
                    received.recordedAt(),
                    data));
        }
        for (CampaignsChanged.Converted c : changed.converted()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaign_id", String.valueOf(c.campaignId()));
            data.put("customer_id", c.customerId());
            data.put("arm", c.arm());
            data.put("order_id", c.orderId());
            data.put("ordered_at", c.orderedAt().toString());
            data.put("trigger_keys", c.triggerKeys());
            messages.add(new WebhookMessage(
                    "msg_campaign_converted_"
                            + hash(store + "/" + c.campaignId() + "/" + c.customerId() + "/" + c.orderId()),
                    CONVERTED,
                    received.recordedAt(),
                    data));
        }
        return messages;
    }

    /** The first 32 hex digits of the SHA-256 of {@code key}: ids of a fixed length whatever the customer's id. */
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
