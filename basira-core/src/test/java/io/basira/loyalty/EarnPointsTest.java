package io.basira.loyalty;

import static io.basira.commerce.OrderStatus.CANCELLED;
import static io.basira.commerce.OrderStatus.COMPLETED;
import static io.basira.commerce.OrderStatus.PROCESSING;
import static io.basira.commerce.OrderStatus.RETURNED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.commerce.Order;
import io.basira.events.LoyaltyChanged;
import io.basira.loyalty.Redemption.Reward;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EarnPointsTest {

    private final LoyaltyWorld world = new LoyaltyWorld(LoyaltyWorld.standard());

    @Test
    void a_completed_order_earns_a_point_per_riyal_rounded_down_and_pending_for_14_days() {
        world.write(world.order("o1", "c1", COMPLETED, 19_999));
        assertThat(world.balance("c1")).isEqualTo(new Balance(199, 0, 199, 199));
        world.advance(Duration.ofDays(14));
        assertThat(world.balance("c1")).isEqualTo(new Balance(199, 199, 0, 199));
        assertThat(world.published)
                .filteredOn(LoyaltyChanged.class::isInstance)
                .first()
                .extracting(e -> ((LoyaltyChanged) e).earned())
                .isEqualTo(java.util.Map.of("c1", 199L));
    }

    @Test
    void an_order_that_is_not_completed_earns_nothing() {
        world.write(world.order("o1", "c1", PROCESSING, 50_000));
        assertThat(world.memory.ledgers).isEmpty();
    }

    @Test
    void the_same_order_twice_or_completed_cancelled_completed_never_earns_twice() {
        Order completed = world.order("o1", "c1", COMPLETED, 10_000);
        world.write(completed);
        world.write(completed);
        world.write(world.order("o1", "c1", CANCELLED, 10_000));
        assertThat(world.balance("c1").total()).isZero();
        world.write(completed);
        assertThat(world.balance("c1").total()).isEqualTo(100);
        assertThat(world.memory.ledgers.get("c1"))
                .extracting(LedgerEntry::cause)
                .containsExactly(Cause.ORDER, Cause.REVERSAL, Cause.ORDER);
    }

    @Test
    void a_partial_refund_reverses_proportionally_and_a_return_reverses_the_rest() {
        world.write(world.order("o1", "c1", COMPLETED, 30_000));
        world.write(world.order("o1", "c1", COMPLETED, 20_000));
        assertThat(world.balance("c1").total()).isEqualTo(200);
        world.write(world.order("o1", "c1", RETURNED, 20_000));
        assertThat(world.balance("c1").total()).isZero();
    }

    @Test
    void points_already_spent_are_not_taken_below_zero_and_the_order_counts_as_settled() {
        world.write(world.order("o1", "c1", COMPLETED, 50_000));
        world.advance(Duration.ofDays(15));
        world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 400);
        world.write(world.order("o1", "c1", RETURNED, 50_000));
        assertThat(world.balance("c1")).isEqualTo(new Balance(0, 0, 0, 400));
        LedgerEntry reversal = world.memory.ledgers.get("c1").get(2);
        assertThat(reversal.points()).isEqualTo(-100);
        assertThat(reversal.shortfall()).isEqualTo(400);
        world.write(world.order("o1", "c1", RETURNED, 50_000));
        assertThat(world.memory.ledgers.get("c1")).hasSize(3);
    }

    @Test
    void an_order_moved_to_another_customer_leaves_the_first() {
        world.write(world.order("o1", "c1", COMPLETED, 10_000));
        world.write(world.order("o1", "c2", COMPLETED, 10_000));
        assertThat(world.balance("c1").total()).isZero();
        assertThat(world.balance("c2").total()).isEqualTo(100);
    }

    @Test
    void gold_customers_earn_with_their_multiplier_and_the_tier_follows_refunds() {
        world.write(world.order("big", "c1", COMPLETED, 600_000));
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("gold");
        world.write(world.order("o2", "c1", COMPLETED, 10_000));
        assertThat(OrderSettlement.held(world.memory.ledgers.get("c1"), "o2")).isEqualTo(150);
        world.write(world.order("big", "c1", RETURNED, 600_000));
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("bronze");
        assertThat(world.published)
                .filteredOn(LoyaltyChanged.class::isInstance)
                .flatExtracting(e -> ((LoyaltyChanged) e).tierMoves())
                .contains(
                        new LoyaltyChanged.TierMove("c1", null, "gold"),
                        new LoyaltyChanged.TierMove("c1", "gold", "bronze"));
    }

    /**
     * Both tier bases: spending the points (reserved, committed) and their expiry leave the tier; a refund of the
     * order (after the points were spent, so most of the reversal is a shortfall) drops it, on either basis.
     */
    @ParameterizedTest
    @EnumSource(TierBasis.class)
    void spending_points_never_drops_a_tier_but_a_refund_can(TierBasis basis) {
        LoyaltyProgram standard = LoyaltyWorld.standard();
        List<Tier> tiers = basis == TierBasis.SPEND_12M
                ? standard.tiers()
                : List.of(
                        new Tier("bronze", 0, 1000, false, false),
                        new Tier("silver", 1000, 1250, false, false),
                        new Tier("gold", 5000, 1500, true, true));
        LoyaltyWorld world = new LoyaltyWorld(new LoyaltyProgram(
                true, standard.startsAt(), 1, 100, 14, 0, 0, 0, basis, tiers, 1, 7, 100, 1000, 300, 0, null));
        world.write(world.order("big", "c1", COMPLETED, 600_000));
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("gold");
        world.advance(Duration.ofDays(15));
        Redemption spent = world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 5000);
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("gold");
        world.redeem.commit(LoyaltyWorld.STORE, spent.id());
        world.adjust.adjust(LoyaltyWorld.STORE, "c1", 1, "tester", "a nudge: the standing is recomputed");
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("gold");
        assertThat(world.memory.standings.get("c1").points()).isEqualTo(1001);
        world.advance(Duration.ofDays(40)); // past the one-month inactivity expiry
        world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
        assertThat(world.memory.ledgers.get("c1"))
                .extracting(LedgerEntry::cause)
                .contains(Cause.EXPIRY);
        assertThat(world.memory.standings.get("c1").points()).isZero();
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("gold");

        world.write(LoyaltyWorld.order(
                "big", "c1", COMPLETED, 100_000, world.memory.orders.get("big").createdAt()));
        assertThat(world.balance("c1").total()).isZero();
        assertThat(world.memory.standings.get("c1").tier())
                .as("refunded to 1000.00 SAR")
                .isEqualTo("silver");
    }

    @Test
    void orders_created_before_the_program_started_earn_nothing() {
        world.write(LoyaltyWorld.order("old", "c1", COMPLETED, 10_000, Instant.parse("2024-12-31T00:00:00Z")));
        assertThat(world.balance("c1").total()).isZero();
    }

    @Test
    void a_redemption_reserves_then_releases_or_commits() {
        world.write(world.order("o1", "c1", COMPLETED, 50_000));
        assertThatThrownBy(() -> world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 100))
                .isInstanceOf(LoyaltyRefusal.class)
                .hasMessageContaining("0 points available");
        world.advance(Duration.ofDays(14));
        Redemption coupon = world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 200);
        assertThat(coupon.valueMinor()).isEqualTo(2000);
        assertThat(world.memory.coupons).containsKey(coupon.couponCode());
        Redemption shipping = world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.FREE_SHIPPING, 0);
        assertThat(shipping.points()).isEqualTo(300);
        assertThat(world.balance("c1").available()).isZero();
        world.redeem.release(LoyaltyWorld.STORE, coupon.id());
        world.redeem.release(LoyaltyWorld.STORE, coupon.id());
        assertThat(world.balance("c1").available()).isEqualTo(200);
        assertThat(world.memory.coupons).doesNotContainKey(coupon.couponCode());
        world.redeem.commit(LoyaltyWorld.STORE, shipping.id());
        assertThatThrownBy(() -> world.redeem.release(LoyaltyWorld.STORE, shipping.id()))
                .isInstanceOf(LoyaltyRefusal.class)
                .hasMessageContaining("committed");
        assertThatThrownBy(() -> world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.FREE_PRODUCT, 0))
                .isInstanceOf(LoyaltyRefusal.class)
                .hasMessageContaining("does not offer");
    }

    @Test
    void a_manual_adjustment_keeps_who_and_why_and_never_takes_more_than_is_available() {
        LedgerEntry entry =
                world.adjust.adjust(LoyaltyWorld.STORE, "c1", 70, "amal@store", "apology for a late delivery");
        assertThat(entry.actor()).isEqualTo("amal@store");
        assertThat(entry.reason()).isEqualTo("apology for a late delivery");
        assertThatThrownBy(() -> world.adjust.adjust(LoyaltyWorld.STORE, "c1", -71, "amal@store", "typo"))
                .isInstanceOf(LoyaltyRefusal.class);
        world.adjust.adjust(LoyaltyWorld.STORE, "c1", -70, "amal@store", "typo");
        assertThat(world.balance("c1").total()).isZero();
    }

    @Test
    void a_custom_action_earns_once_per_key() {
        world.adjust.award(LoyaltyWorld.STORE, "c1", "share:2026-01-10", 15, "shared a product");
        world.adjust.award(LoyaltyWorld.STORE, "c1", "share:2026-01-10", 15, "shared a product");
        assertThat(world.balance("c1")).isEqualTo(new Balance(15, 15, 0, 15));
    }

    @Test
    void the_whole_balance_expires_after_twelve_months_without_a_purchase_with_a_notice_a_week_before() {
        world.write(world.order("o1", "c1", COMPLETED, 10_000));
        world.now = Instant.parse("2027-01-03T00:30:00Z");
        world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
        assertThat(world.published)
                .filteredOn(LoyaltyChanged.class::isInstance)
                .flatExtracting(e -> ((LoyaltyChanged) e).expiring())
                .containsExactly(new LoyaltyChanged.Expiring("c1", 100, java.time.LocalDate.parse("2027-01-10")));
        assertThat(world.memory.standings.get("c1").expiring30d()).isEqualTo(100);
        world.now = Instant.parse("2027-01-10T00:30:00Z");
        world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
        world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
        assertThat(world.balance("c1").total()).isZero();
        assertThat(world.memory.ledgers.get("c1"))
                .extracting(LedgerEntry::cause)
                .containsExactly(Cause.ORDER, Cause.EXPIRY);
        assertThat(world.memory.standings.get("c1").lifetime()).isEqualTo(100);
        assertThat(world.memory.standings.get("c1").tier()).isEqualTo("bronze");
    }

    @Test
    void the_replay_of_a_live_ledger_is_equal_to_it() {
        world.write(world.order("o1", "c1", COMPLETED, 50_000));
        world.advance(Duration.ofDays(15));
        world.redeem.reserve(LoyaltyWorld.STORE, "c1", Reward.COUPON, 400);
        world.write(world.order("o1", "c1", COMPLETED, 20_000));
        Account live = new Account("c1", world.memory.ledgers.get("c1"), world.memory.tiers.get("c1"));
        List<LedgerEntry> replayed = LedgerReplay.replay(
                world.memory.programs.get(LoyaltyWorld.STORE),
                live,
                List.of(new PurchaseActivity.CompletedOrder(
                        "c1", "o1", world.memory.orders.get("o1").createdAt(), 20_000)),
                world.now);
        assertThat(LedgerReplay.differences("c1", live.entries(), replayed)).isEmpty();
        assertThat(replayed.stream().mapToLong(LedgerEntry::points).sum()).isEqualTo(world.memory.total("c1"));
    }
}
