package io.basira.loyalty;

import static io.basira.commerce.OrderStatus.CANCELLED;
import static io.basira.commerce.OrderStatus.COMPLETED;
import static io.basira.commerce.OrderStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.loyalty.Redemption.Reward;
import io.basira.loyalty.Redemption.State;
import io.basira.shared.Money;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class CommitUsedRewardsTest {

    private final LoyaltyWorld world = new LoyaltyWorld(LoyaltyWorld.standard());
    private final CommitUsedRewards participant = new CommitUsedRewards(world.memory);

    private Redemption reserved() {
        world.write(world.order("o1", "c1", COMPLETED, 100_000));
        world.advance(Duration.ofDays(15));
        return world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 200);
    }

    private void write(String id, OrderStatus status, String code) {
        Order order = new Order(id, "c1", world.now, status, Money.ofMinor(5_000, LoyaltyWorld.SAR), null, code, null, null);
        participant.ordersWritten(new OrdersWritten(LoyaltyWorld.STORE, List.of(new OrderChange(null, order))));
    }

    @Test
    void an_order_with_the_reward_code_in_any_case_commits_it_and_a_repeat_changes_nothing() {
        Redemption r = reserved();
        write("o2", PENDING, " " + r.couponCode().toLowerCase() + " ");
        assertThat(world.memory.redemptions.get(r.id()).state()).isEqualTo(State.COMMITTED);
        write("o2", PENDING, r.couponCode());
        write("o2", CANCELLED, r.couponCode());
        assertThat(world.memory.redemptions.get(r.id()).state()).as("used is final").isEqualTo(State.COMMITTED);
        assertThat(world.balance("c1").total()).isEqualTo(800);
    }

    @Test
    void a_cancelled_order_another_code_or_a_released_reward_commit_nothing() {
        Redemption r = reserved();
        write("o2", CANCELLED, r.couponCode());
        write("o3", COMPLETED, "RAMADAN20");
        assertThat(world.memory.redemptions.get(r.id()).state()).isEqualTo(State.RESERVED);
        world.redeem.release(LoyaltyWorld.STORE, r.id());
        write("o4", COMPLETED, r.couponCode());
        assertThat(world.memory.redemptions.get(r.id()).state()).isEqualTo(State.RELEASED);
    }
}
