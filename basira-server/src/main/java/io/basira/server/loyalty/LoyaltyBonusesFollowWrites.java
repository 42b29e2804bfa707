package io.basira.server.loyalty;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.platform.events.DomainEventListener;
import io.basira.server.platform.events.ReceivedEvent;
import java.util.Set;

/**
 * The durable listener {@code loyalty-bonuses}: after every committed write that changed cards (a new customer,
 * a review, an import), grants the signup and review bonuses those customers are owed. Idempotent: a bonus is
 * granted once per signup or review (checked under the customer's lock, and unique in the ledger).
 */
public final class LoyaltyBonusesFollowWrites implements DomainEventListener {

    private final LoyaltyService loyalty;

    public LoyaltyBonusesFollowWrites(LoyaltyService loyalty) {
        this.loyalty = loyalty;
    }

    @Override
    public String name() {
        return "loyalty-bonuses";
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(CardsChanged.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        CardsChanged changed = (CardsChanged) received.event();
        if (changed.wholeStore() || !changed.customerIds().isEmpty()) {
            loyalty.grantBonuses(changed.store(), changed.wholeStore() ? null : changed.customerIds());
        }
    }
}
