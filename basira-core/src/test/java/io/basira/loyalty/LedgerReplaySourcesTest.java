package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rebuild's shortcut ({@link LedgerReplay#sourcesIfEqual}) says what the full comparison says: on seeded
 * ledgers settled as the write path settles them (completions, partial refunds, returns, reversals of spent points,
 * bonuses, redemptions), some of them then disturbed (an order's total changed, an entry lost or added, the tier
 * changed), it gives the replay's number of sources exactly when the replay equals the live ledger, and -1 otherwise.
 */
class LedgerReplaySourcesTest {

    private static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void the_shortcut_agrees_with_the_full_comparison(long seed) {
        Random random = new Random(seed);
        LoyaltyProgram program = program(random.nextBoolean());
        int equal = 0;
        int differing = 0;
        for (int c = 0; c < 400; c++) {
            String customer = "c" + c;
            String tier = random.nextInt(3) == 0 ? "gold" : random.nextInt(2) == 0 ? "bronze" : null;
            int current = program.multiplierOf(tier);
            List<LedgerEntry> entries = new ArrayList<>();
            List<CompletedOrder> orders = new ArrayList<>();
            int count = random.nextInt(6);
            for (int o = 0; o < count; o++) {
                String id = customer + "-" + o;
                long total = random.nextInt(5) == 0 ? 0 : 100 + random.nextInt(100_000);
                Instant created = NOW.minus(Duration.ofDays(random.nextInt(400)));
                Instant at = NOW.minus(Duration.ofDays(random.nextInt(30)));
                CompletedOrder order = new CompletedOrder(customer, id, created, total);
                settle(program, entries, customer, id, order, current, at);
                int fate = random.nextInt(6);
                if (fate == 0) {
                    if (random.nextBoolean()) { // spend first, so the return cannot take every point back
                        entries.add(LedgerEntry.now(
                                customer, Cause.REDEMPTION, "r" + o, -available(entries), at, null, null));
                    }
                    settle(program, entries, customer, id, null, current, NOW); // returned
                    order = null;
                } else if (fate == 1) {
                    order = new CompletedOrder(customer, id, created, total / 3); // refunded in part
                    settle(program, entries, customer, id, order, current, NOW);
                }
                if (order != null && random.nextInt(8) != 0) {
                    orders.add(order);
                } else if (order != null) {
                    // completed but never settled: no entries for it
                    entries.removeIf(e -> e.cause().ofAnOrder() && e.ref().equals(id));
                    orders.add(order);
                }
            }
            if (random.nextInt(3) == 0) {
                entries.add(LedgerEntry.now(customer, Cause.REVIEW, "rv" + c, 50, NOW, null, null));
            }
            if (random.nextInt(4) == 0) {
                entries.add(LedgerEntry.now(customer, Cause.ADJUSTMENT, "a" + c, 0, NOW, "x", "zero"));
            }
            if (random.nextInt(4) == 0 && !orders.isEmpty()) { // disturbed
                int which = random.nextInt(4);
                CompletedOrder first = orders.get(0);
                if (which == 0) {
                    orders.set(
                            0,
                            new CompletedOrder(
                                    customer, first.orderId(), first.createdAt(), first.totalMinor() + 1000));
                } else if (which == 1 && !entries.isEmpty()) {
                    entries.remove(random.nextInt(entries.size()));
                } else if (which == 2) {
                    entries.add(
                            new LedgerEntry(customer, Cause.ORDER, first.orderId(), 7, 0, 1000, NOW, NOW, null, null));
                } else {
                    orders.add(first); // the same order twice
                }
            }
            Account live = new Account(customer, entries, tier);
            List<LedgerEntry> replayed = LedgerReplay.replay(program, live, orders, NOW);
            boolean same = LedgerReplay.differences(customer, entries, replayed).isEmpty();
            long shortcut = LedgerReplay.sourcesIfEqual(program, live, orders);
            if (same && orders.stream().map(CompletedOrder::orderId).distinct().count() == orders.size()) {
                equal++;
                assertThat(shortcut)
                        .as("seed %d %s", seed, customer)
                        .isEqualTo(LedgerReplay.bySource(customer, replayed).size());
            } else if (!same) {
                differing++;
                assertThat(shortcut).as("seed %d %s", seed, customer).isEqualTo(-1);
            }
        }
        assertThat(equal).as("seed %d: equal ledgers", seed).isGreaterThan(100);
        assertThat(differing).as("seed %d: differing ledgers", seed).isGreaterThan(10);
    }

    private static long available(List<LedgerEntry> entries) {
        return Math.max(0, Balance.of(entries, NOW).available());
    }

    private static void settle(
            LoyaltyProgram program,
            List<LedgerEntry> entries,
            String customer,
            String id,
            CompletedOrder order,
            int current,
            Instant at) {
        OrderSettlement.settle(program, customer, id, order, current, entries, at)
                .ifPresent(entries::add);
    }

    private static LoyaltyProgram program(boolean tiers) {
        return new LoyaltyProgram(
                true,
                Instant.parse("2023-09-01T00:00:00Z"),
                1,
                100,
                14,
                0,
                0,
                0,
                TierBasis.SPEND_12M,
                tiers
                        ? List.of(
                                new Tier("bronze", 0, 1000, false, false), new Tier("gold", 500_000, 1500, true, true))
                        : List.of(),
                12,
                7,
                100,
                1000,
                300,
                0,
                null,
                ExpiryKind.INACTIVITY);
    }
}
