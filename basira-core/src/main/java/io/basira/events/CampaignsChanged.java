package io.basira.events;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Campaign facts of one change (docs/campaigns.md, "Webhooks"): customers newly enrolled in a campaign (one per
 * campaign, customer and trigger, on either side: treatment or control) and enrolments converted by an order (one
 * per campaign, customer and order, naming the triggers it converted). Published by the use case that writes them,
 * in the same transaction; the webhooks {@code campaign.enrolled} and {@code campaign.converted} are made from it.
 */
public record CampaignsChanged(StoreId store, List<Enrolled> enrolled, List<Converted> converted)
        implements DomainEvent {

    public CampaignsChanged {
        Objects.requireNonNull(store, "store");
        enrolled = List.copyOf(enrolled);
        converted = List.copyOf(converted);
    }

    public boolean isEmpty() {
        return enrolled.isEmpty() && converted.isEmpty();
    }

    @Override
    public String type() {
        return "campaigns_changed";
    }

    /**
     * A customer enrolled: {@code arm} {@code treatment} or {@code control} (control members are never sent to),
     * {@code triggeredAt} when the trigger happened, {@code dueAt} when the message is due.
     */
    public record Enrolled(
            long campaignId, String customerId, String triggerKey, String arm, Instant triggeredAt, Instant dueAt) {
        public Enrolled {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(triggerKey, "triggerKey");
            Objects.requireNonNull(arm, "arm");
        }
    }

    /** An order of the customer converted their enrolments with these trigger keys (within the attribution window). */
    public record Converted(
            long campaignId,
            String customerId,
            String arm,
            String orderId,
            Instant orderedAt,
            List<String> triggerKeys) {
        public Converted {
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(orderId, "orderId");
            triggerKeys = List.copyOf(triggerKeys);
        }
    }
}
