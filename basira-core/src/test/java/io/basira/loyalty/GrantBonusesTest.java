package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.loyalty.PurchaseActivity.BonusSource;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GrantBonusesTest {

    private final LoyaltyWorld world = new LoyaltyWorld(LoyaltyWorld.standard());
    private final GrantBonuses bonuses = new GrantBonuses(world.memory.ports(), world.events, world.clock);

    @Test
    void each_signup_and_review_earns_its_bonus_once() {
        world.memory.bonusSources.addAll(List.of(
                new BonusSource("c1", Cause.SIGNUP, "signup"),
                new BonusSource("c1", Cause.REVIEW, "r1"),
                new BonusSource("c2", Cause.REVIEW, "r2")));
        assertThat(bonuses.grant(LoyaltyWorld.STORE, Set.of("c1"))).isEqualTo(2);
        assertThat(bonuses.grant(LoyaltyWorld.STORE, null)).isEqualTo(1);
        assertThat(bonuses.grant(LoyaltyWorld.STORE, null)).isZero();
        assertThat(world.balance("c1").total()).isEqualTo(20 + 50);
        assertThat(world.balance("c2").total()).isEqualTo(50);
    }
}
