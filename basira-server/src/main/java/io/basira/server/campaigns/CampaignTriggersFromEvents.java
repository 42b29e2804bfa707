package io.basira.server.campaigns;

import io.basira.events.DomainEvent;
import io.basira.events.LoyaltyChanged;
import io.basira.events.MembershipChanged;
import io.basira.events.OrdersRecorded;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The durable outbox listener {@code campaign-triggers}: a customer entering a group enrols them in the store's active
 * group-entry campaigns on it (the trigger names the event, so the same event told twice enrols once); points about
 * to expire enrol them in the points-expiring campaigns (one message per expiry date); orders recorded convert the
 * enrolments of their customers ({@link RecordConversions}: once each).
 */
public final class CampaignTriggersFromEvents implements DomainEventListener {

    private final CampaignService campaigns;
    private final RecordConversions conversions;

    public CampaignTriggersFromEvents(CampaignService campaigns, RecordConversions conversions) {
        this.campaigns = campaigns;
        this.conversions = conversions;
    }

    @Override
    public String name() {
        return "campaign-triggers";
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(MembershipChanged.class, LoyaltyChanged.class, OrdersRecorded.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        if (received.event() instanceof MembershipChanged changed
                && !changed.entered().isEmpty()) {
            campaigns.entered(changed.store(), changed.entered(), String.valueOf(received.id()), received.recordedAt());
        } else if (received.event() instanceof LoyaltyChanged loyalty
                && !loyalty.expiring().isEmpty()) {
            Map<String, LocalDate> expiring = new LinkedHashMap<>();
            loyalty.expiring().forEach(e -> expiring.merge(e.customerId(), e.on(), (a, b) -> a.isBefore(b) ? a : b));
            campaigns.pointsExpiring(loyalty.store(), expiring);
        } else if (received.event() instanceof OrdersRecorded orders) {
            conversions.ordersRecorded(orders);
        }
    }
}
