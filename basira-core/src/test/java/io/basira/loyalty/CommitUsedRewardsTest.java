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
import java.time.Instant;
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
        participant.ordersWritten(
                new OrdersWritten(LoyaltyWorld.STORE, List.of(new OrderChange(null, order(id, status, code)))));
    }

    private Order order(String id, OrderStatus status, String code) {
        return new Order(id, "c1", world.now, status, Money.ofMinor(5_000, LoyaltyWorld.SAR), null, code, null, null);
    }

    @Test
    void an_order_with_the_reward_code_in_any_case_commits_it_and_a_repeat_changes_nothing() {
        Redemption r = reserved();
        write("o2", PENDING, " " + r.couponCode().toLowerCase() + " ");
        assertThat(world.memory.redemptions.get(r.id()).state()).isEqualTo(State.COMMITTED);
        Instant placed = world.now;
        world.advance(Duration.ofHours(2));
        write("o2", PENDING, r.couponCode());
        write("o2", CANCELLED, r.couponCode());
        write("o5", COMPLETED, r.couponCode());
        Redemption used = world.memory.redemptions.get(r.id());
        assertThat(used.state()).as("used is final").isEqualTo(State.COMMITTED);
        assertThat(used.orderId())
                .as("the order that committed it, recorded once")
                .isEqualTo("o2");
        assertThat(used.orderCreatedAt()).isEqualTo(placed);
        assertThat(world.balance("c1").total()).isEqualTo(800);
    }

    @Test
    void in_one_write_the_first_order_with_the_code_is_the_one_that_used_it() {
        Redemption r = reserved();
        participant.ordersWritten(new OrdersWritten(
                LoyaltyWorld.STORE,
                List.of(
                        new OrderChange(null, order("o7", COMPLETED, null)),
                        new OrderChange(null, order("o8", PENDING, r.couponCode())),
                        new OrderChange(
                                null, order("o6", COMPLETED, r.couponCode().toLowerCase())))));
        assertThat(world.memory.redemptions.get(r.id()).orderId()).isEqualTo("o8");
    }

    @Test
    void a_redemption_committed_without_an_order_keeps_none_when_an_order_uses_its_code_later() {
        Redemption r = reserved();
        world.redeem.commit(LoyaltyWorld.STORE, r.id());
        write("o2", COMPLETED, r.couponCode());
        Redemption committed = world.memory.redemptions.get(r.id());
        assertThat(committed.state()).isEqualTo(State.COMMITTED);
        assertThat(committed.orderId()).isNull();
        assertThat(committed.orderCreatedAt()).isNull();
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
        assertThat(world.memory.redemptions.get(r.id()).orderId()).isNull();
    }
}
