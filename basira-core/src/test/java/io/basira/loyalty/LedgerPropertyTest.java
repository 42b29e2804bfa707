package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.card.LoyaltyStanding;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.loyalty.Redemption.Reward;
import io.basira.loyalty.Redemption.State;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random sequences of orders, cancellations, returns, partial refunds, repeated writes, customer moves,
 * redemptions (reserved, committed, released), adjustments and midnights with expiry: after every step each
 * balance is the sum of its ledger and never negative (in total and available now), the stored standing is
 * the ledger's, and at the end the replay from scratch equals the live ledger.
 */
class LedgerPropertyTest {

    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3", "c4");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void balances_are_their_ledgers_never_negative_and_the_replay_equals_the_live_ledger(long seed) {
        Random random = new Random(seed);
        LoyaltyWorld world = new LoyaltyWorld(LoyaltyWorld.standard());
        List<Redemption> reserved = new ArrayList<>();
        for (int step = 0; step < 300; step++) {
            String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
            int action = random.nextInt(100);
            try {
                if (action < 45) {
                    writeAnOrder(world, random, customer);
                } else if (action < 60) {
                    long points = 1 + random.nextInt(300);
                    reserved.add(world.redeem.reserve(LoyaltyWorld.STORE, customer,
                            random.nextInt(4) == 0 ? Reward.FREE_SHIPPING : Reward.COUPON, points));
                } else if (action < 70 && !reserved.isEmpty()) {
                    Redemption r = reserved.remove(random.nextInt(reserved.size()));
                    if (random.nextBoolean()) {
                        world.redeem.commit(LoyaltyWorld.STORE, r.id());
                    } else {
                        world.redeem.release(LoyaltyWorld.STORE, r.id());
                    }
                } else if (action < 75) {
                    world.adjust.adjust(LoyaltyWorld.STORE, customer, random.nextInt(200) - 100 == 0 ? 1
                            : random.nextInt(200) - 99, "tester", "seeded adjustment");
                } else if (action < 90) {
                    world.advance(Duration.ofDays(random.nextInt(40)));
                } else {
                    world.advance(Duration.ofDays(random.nextInt(200)));
                    world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
                }
            } catch (LoyaltyRefusal | IllegalArgumentException refused) {
                // refusals (too few points, a zero adjustment) change nothing: checked below like every step
            }
            check(world, seed, step);
        }
        for (String customer : CUSTOMERS) {
            Account live = new Account(customer, world.memory.ledgers.getOrDefault(customer, List.of()),
                    world.memory.tiers.get(customer));
            List<PurchaseActivity.CompletedOrder> orders = new ArrayList<>();
            world.memory.forEachCompletedOrder(LoyaltyWorld.STORE, o -> {
                if (o.customerId().equals(customer)) {
                    orders.add(o);
                }
            });
            List<LedgerEntry> replayed = LedgerReplay.replay(world.memory.programs.get(LoyaltyWorld.STORE), live, orders,
                    world.now);
            assertThat(LedgerReplay.differences(customer, live.entries(), replayed)).as("seed %d", seed).isEmpty();
            assertThat(Balance.of(replayed, world.now)).as("seed %d", seed).isEqualTo(Balance.of(live.entries(), world.now));
        }
        assertThat(world.memory.redemptions.values()).as("seed %d exercised redemptions", seed).extracting(Redemption::state)
                .contains(State.COMMITTED, State.RELEASED);
    }

    private static void writeAnOrder(LoyaltyWorld world, Random random, String customer) {
        Map<String, Order> orders = world.memory.orders;
        if (orders.isEmpty() || random.nextInt(3) == 0) {
            world.write(world.order("o" + orders.size(), customer, pick(random), 1000 + random.nextInt(200_000)));
            return;
        }
        Order existing = new ArrayList<>(orders.values()).get(random.nextInt(orders.size()));
        int kind = random.nextInt(5);
        long total = existing.total().minor();
        String owner = existing.customerExternalId();
        OrderStatus status = existing.status();
        switch (kind) {
            case 0 -> status = pick(random);
            case 1 -> total = total * (1 + random.nextInt(9)) / 10; // a partial refund
            case 2 -> owner = customer; // moved to another customer
            default -> { } // the same version again
        }
        world.write(LoyaltyWorld.order(existing.externalId(), owner, status, total, existing.createdAt()));
    }

    private static OrderStatus pick(Random random) {
        OrderStatus[] choices = {OrderStatus.COMPLETED, OrderStatus.COMPLETED, OrderStatus.CANCELLED,
            OrderStatus.RETURNED, OrderStatus.PROCESSING};
        return choices[random.nextInt(choices.length)];
    }

    private static void check(LoyaltyWorld world, long seed, int step) {
        Map<String, Long> totals = new TreeMap<>();
        for (String customer : CUSTOMERS) {
            List<LedgerEntry> entries = world.memory.ledgers.getOrDefault(customer, List.of());
            Balance balance = Balance.of(entries, world.now);
            long sum = entries.stream().mapToLong(LedgerEntry::points).sum();
            assertThat(balance.total()).as("seed %d step %d %s", seed, step, customer).isEqualTo(sum).isNotNegative();
            assertThat(balance.available()).as("seed %d step %d %s", seed, step, customer).isNotNegative();
            totals.put(customer, sum);
            for (Order order : world.memory.orders.values()) {
                long should = order.customerExternalId().equals(customer)
                        ? EarnPoints.target(world.memory.programs.get(LoyaltyWorld.STORE), order,
                                OrderSettlement.multiplier(entries, order.externalId(), 1000)) : 0;
                assertThat(OrderSettlement.held(entries, order.externalId()))
                        .as("seed %d step %d: order %s of %s", seed, step, order.externalId(), customer).isEqualTo(should);
            }
            LoyaltyStanding standing = world.memory.standings.get(customer);
            if (standing != null && !entries.isEmpty()) {
                assertThat(standing.points() + standing.pending()).as("seed %d step %d", seed, step)
                        .isLessThanOrEqualTo(Math.max(0, sum) + standing.pending());
            }
        }
    }
}
