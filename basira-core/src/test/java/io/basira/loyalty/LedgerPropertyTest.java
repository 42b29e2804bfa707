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
 * balance equals an independent model computed from the steps themselves (what each order should hold from
 * the orders as written and the program's formula, less what could not be taken back; the points reserved,
 * released and adjusted as asked; what expired), is the sum of its ledger and never negative (in total and
 * available now), and at the end the replay from scratch equals the live ledger.
 */
class LedgerPropertyTest {

    private static final List<String> CUSTOMERS = List.of("c1", "c2", "c3", "c4");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void balances_are_their_ledgers_never_negative_and_the_replay_equals_the_live_ledger(long seed) {
        run(seed, LoyaltyWorld.standard());
    }

    /**
     * The same with expiry per lot (3 months, so lots expire within a run): besides the above, after every step
     * the lots are the balance (available lots sum to the available points, all lots to the total); a
     * redemption or a negative adjustment spends exactly the oldest available lots; a release makes no new lot
     * (it gives the spent lots back with their dates); each midnight expires exactly the lots due by the store's
     * date, leaves none due, announces the lots due in 7 days and stores {@code points_expiring_30d} as the
     * available lots due within 30 days.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
    void with_expiry_per_lot_the_lots_are_the_balance_spent_oldest_first_and_the_replay_equals_the_live_ledger(
            long seed) {
        run(seed, LoyaltyWorld.perLot(3));
    }

    /**
     * Tiers by points earned, points available at once (no pending days) and the balance expiring a month after the
     * last purchase (due within 30 days the moment it is earned): the kept standings' other paths.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6})
    void with_tiers_by_points_and_no_pending_days_the_same_holds(long seed) {
        run(seed, LoyaltyWorld.byPointsAtOnce());
    }

    private static void run(long seed, LoyaltyProgram program) {
        Random random = new Random(seed);
        LoyaltyWorld world = new LoyaltyWorld(program);
        boolean lots = program.expiresPerLot();
        List<Redemption> reserved = new ArrayList<>();
        Model model = new Model();
        int lotExpiries = 0;
        int trusted = 0;
        for (int step = 0; step < 300; step++) {
            String customer = CUSTOMERS.get(random.nextInt(CUSTOMERS.size()));
            int action = random.nextInt(100);
            Map<String, List<LedgerEntry>> before = snapshot(world);
            try {
                if (action < 45) {
                    writeAnOrder(world, random, customer);
                    model.ordersWritten(world, before);
                } else if (action < 60) {
                    long points = 1 + random.nextInt(300);
                    Reward reward = random.nextInt(4) == 0 ? Reward.FREE_SHIPPING : Reward.COUPON;
                    Redemption r = world.redeem.reserve(LoyaltyWorld.STORE, customer, reward, points);
                    reserved.add(r);
                    if (lots) {
                        checkSpentOldestFirst(world, before, customer, r.points(), seed, step);
                    }
                    model.add(
                            customer,
                            -(reward == Reward.COUPON
                                    ? points
                                    : LoyaltyWorld.standard().freeShippingPoints()));
                } else if (action < 70 && !reserved.isEmpty()) {
                    Redemption r = reserved.remove(random.nextInt(reserved.size()));
                    if (random.nextBoolean()) {
                        world.redeem.commit(LoyaltyWorld.STORE, r.id());
                    } else {
                        world.redeem.release(LoyaltyWorld.STORE, r.id());
                        model.add(r.customerId(), r.points());
                        if (lots) {
                            assertThat(Lots.of(world.memory.ledgers.get(r.customerId())))
                                    .as("seed %d step %d: a release makes no new lot", seed, step)
                                    .noneMatch(l -> l.availableAt().equals(world.now)
                                            && Lots.of(before.get(r.customerId())).stream()
                                                    .noneMatch(
                                                            o -> o.availableAt().equals(world.now)));
                        }
                    }
                } else if (action < 75) {
                    long points = random.nextInt(200) - 100 == 0 ? 1 : random.nextInt(200) - 99;
                    world.adjust.adjust(LoyaltyWorld.STORE, customer, points, "tester", "seeded adjustment");
                    model.add(customer, points);
                    if (lots && points < 0) {
                        checkSpentOldestFirst(world, before, customer, -points, seed, step);
                    }
                } else if (action < 90) {
                    world.advance(Duration.ofDays(random.nextInt(40)));
                } else {
                    world.advance(Duration.ofDays(random.nextInt(200)));
                    Map<String, Long> available = new TreeMap<>();
                    for (String c : CUSTOMERS) {
                        available.put(
                                c,
                                Balance.of(before.getOrDefault(c, List.of()), world.now)
                                        .available());
                    }
                    int published = world.published.size();
                    boolean ran = world.midnight.run(LoyaltyWorld.STORE, LoyaltyWorld.RIYADH);
                    if (lots && ran) {
                        lotExpiries += checkLotMidnight(world, before, published, seed, step);
                        model.lotMidnight(world, before);
                    } else if (lots) {
                        model.lotMidnight(world, before);
                    } else {
                        model.midnight(world, before, available);
                    }
                }
            } catch (LoyaltyRefusal | IllegalArgumentException refused) {
                // refusals (too few points, a zero adjustment) change nothing: checked below like every step
            }
            trusted += check(world, model, seed, step);
            if (lots) {
                checkLotsAreTheBalance(world, seed, step);
            }
        }
        if (lots) {
            assertThat(lotExpiries).as("seed %d exercised lot expiry", seed).isPositive();
        }
        assertThat(trusted).as("seed %d exercised kept standings", seed).isPositive();
        for (String customer : CUSTOMERS) {
            Account live = new Account(
                    customer, world.memory.ledgers.getOrDefault(customer, List.of()), world.memory.tiers.get(customer));
            List<PurchaseActivity.CompletedOrder> orders = new ArrayList<>();
            world.memory.forEachCompletedOrder(LoyaltyWorld.STORE, o -> {
                if (o.customerId().equals(customer)) {
                    orders.add(o);
                }
            });
            List<LedgerEntry> replayed =
                    LedgerReplay.replay(world.memory.programs.get(LoyaltyWorld.STORE), live, orders, world.now);
            assertThat(LedgerReplay.differences(customer, live.entries(), replayed))
                    .as("seed %d", seed)
                    .isEmpty();
            assertThat(LedgerReplay.sourcesIfEqual(world.memory.programs.get(LoyaltyWorld.STORE), live, orders))
                    .as("seed %d: the rebuild's shortcut", seed)
                    .isEqualTo(LedgerReplay.bySource(customer, replayed).size());
            assertThat(Balance.of(replayed, world.now))
                    .as("seed %d", seed)
                    .isEqualTo(Balance.of(live.entries(), world.now));
        }
        assertThat(world.memory.redemptions.values())
                .as("seed %d exercised redemptions", seed)
                .extracting(Redemption::state)
                .contains(State.COMMITTED, State.RELEASED);
    }

    /** The lots of every customer sum to their balance: available lots to the available points, all to the total. */
    private static void checkLotsAreTheBalance(LoyaltyWorld world, long seed, int step) {
        for (String customer : CUSTOMERS) {
            List<LedgerEntry> entries = world.memory.ledgers.getOrDefault(customer, List.of());
            List<Lots.Lot> lots = Lots.of(entries);
            Balance balance = Balance.of(entries, world.now);
            assertThat(lots)
                    .as("seed %d step %d %s: lots hold points", seed, step, customer)
                    .allMatch(l -> l.points() > 0);
            assertThat(lots.stream()
                            .filter(l -> !l.availableAt().isAfter(world.now))
                            .mapToLong(Lots.Lot::points)
                            .sum())
                    .as("seed %d step %d %s: available lots", seed, step, customer)
                    .isEqualTo(balance.available());
            assertThat(lots.stream().mapToLong(Lots.Lot::points).sum())
                    .as("seed %d step %d %s: all lots", seed, step, customer)
                    .isEqualTo(balance.total());
        }
    }

    /** A deduction of {@code points} made now took them from the oldest available lots, and from nothing else. */
    private static void checkSpentOldestFirst(
            LoyaltyWorld world,
            Map<String, List<LedgerEntry>> before,
            String customer,
            long points,
            long seed,
            int step) {
        List<Lots.Lot> expected = new ArrayList<>();
        long due = points;
        for (Lots.Lot lot : Lots.of(before.getOrDefault(customer, List.of()))) {
            long take = lot.availableAt().isAfter(world.now) ? 0 : Math.min(due, lot.points());
            due -= take;
            if (lot.points() > take) {
                expected.add(new Lots.Lot(lot.availableAt(), lot.points() - take));
            }
        }
        assertThat(due)
                .as("seed %d step %d: a deduction within the available points", seed, step)
                .isZero();
        assertThat(Lots.of(world.memory.ledgers.get(customer)))
                .as("seed %d step %d %s: %d points spent oldest first", seed, step, customer, points)
                .isEqualTo(expected);
    }

    /**
     * A midnight with expiry per lot: each customer's expiry entry is exactly the lots (of the ledger before)
     * due by the store's date; no due lot is left; the notice names the lots due in 7 days; the stored
     * {@code points_expiring_30d} is the available lots due within 30 days. Returns how many expiries it made.
     */
    private static int checkLotMidnight(
            LoyaltyWorld world, Map<String, List<LedgerEntry>> before, int published, long seed, int step) {
        LoyaltyProgram program = world.memory.programs.get(LoyaltyWorld.STORE);
        java.time.LocalDate today = java.time.LocalDate.ofInstant(world.now, LoyaltyWorld.RIYADH);
        Map<String, Long> noticed = new TreeMap<>();
        world.published.subList(published, world.published.size()).stream()
                .filter(e -> e instanceof io.basira.events.LoyaltyChanged)
                .flatMap(e -> ((io.basira.events.LoyaltyChanged) e).expiring().stream())
                .forEach(x -> {
                    assertThat(x.on())
                            .as("seed %d step %d: notice date", seed, step)
                            .isEqualTo(today.plusDays(7));
                    noticed.merge(x.customerId(), x.points(), Long::sum);
                });
        int expiries = 0;
        for (String customer : CUSTOMERS) {
            long due = 0;
            long warned = 0;
            for (Lots.Lot lot : Lots.of(before.getOrDefault(customer, List.of()))) {
                java.time.LocalDate on =
                        lot.expiresAt(program).atZone(LoyaltyWorld.RIYADH).toLocalDate();
                if (!on.isAfter(today)) {
                    due += lot.points();
                } else if (on.equals(today.plusDays(7))) {
                    warned += lot.points();
                }
            }
            List<LedgerEntry> now = world.memory.ledgers.getOrDefault(customer, List.of());
            long expired = now.subList(before.getOrDefault(customer, List.of()).size(), now.size()).stream()
                    .filter(e -> e.cause() == Cause.EXPIRY)
                    .mapToLong(e -> -e.points())
                    .sum();
            assertThat(expired)
                    .as("seed %d step %d %s: the lots due expire", seed, step, customer)
                    .isEqualTo(due);
            expiries += expired > 0 ? 1 : 0;
            List<Lots.Lot> left = Lots.of(now);
            assertThat(left)
                    .as("seed %d step %d %s: no lot due is left", seed, step, customer)
                    .allMatch(l -> l.expiresAt(program)
                            .atZone(LoyaltyWorld.RIYADH)
                            .toLocalDate()
                            .isAfter(today));
            assertThat(noticed.getOrDefault(customer, 0L))
                    .as("seed %d step %d %s: the notice", seed, step, customer)
                    .isEqualTo(warned);
            LoyaltyStanding standing = world.memory.standings.get(customer);
            if (standing != null) {
                long within30 = left.stream()
                        .filter(l -> !l.availableAt().isAfter(world.now)
                                && l.expiresAt(program).isBefore(world.now.plus(Duration.ofDays(30))))
                        .mapToLong(Lots.Lot::points)
                        .sum();
                assertThat(standing.expiring30d())
                        .as("seed %d step %d %s: points_expiring_30d", seed, step, customer)
                        .isEqualTo(within30);
            }
        }
        return expiries;
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
            default -> {} // the same version again
        }
        world.write(LoyaltyWorld.order(existing.externalId(), owner, status, total, existing.createdAt()));
    }

    private static OrderStatus pick(Random random) {
        OrderStatus[] choices = {
            OrderStatus.COMPLETED,
            OrderStatus.COMPLETED,
            OrderStatus.CANCELLED,
            OrderStatus.RETURNED,
            OrderStatus.PROCESSING
        };
        return choices[random.nextInt(choices.length)];
    }

    private static Map<String, List<LedgerEntry>> snapshot(LoyaltyWorld world) {
        Map<String, List<LedgerEntry>> copy = new TreeMap<>();
        world.memory.ledgers.forEach((c, entries) -> copy.put(c, List.copyOf(entries)));
        return copy;
    }

    /**
     * The balances the steps should give, kept apart from the ledger: order points from the orders as written
     * and the program's formula (only an order's terms, its first multiplier, and the points a reversal could
     * not take back are read from the ledger: facts of its history), and the other steps' points as asked.
     */
    private static final class Model {
        final Map<String, Long> others = new TreeMap<>();

        void add(String customer, long points) {
            others.merge(customer, points, Long::sum);
        }

        void ordersWritten(LoyaltyWorld world, Map<String, List<LedgerEntry>> before) {
            // nothing else to record: order points are recomputed from the orders in total()
        }

        /** Birthday bonuses and expiries: an expiry takes exactly what was available, once per customer. */
        void midnight(LoyaltyWorld world, Map<String, List<LedgerEntry>> before, Map<String, Long> available) {
            for (String customer : CUSTOMERS) {
                List<LedgerEntry> now = world.memory.ledgers.getOrDefault(customer, List.of());
                List<LedgerEntry> added =
                        now.subList(before.getOrDefault(customer, List.of()).size(), now.size());
                for (LedgerEntry entry : added) {
                    if (entry.cause() == Cause.EXPIRY) {
                        assertThat(-entry.points())
                                .as("an expiry takes what is available")
                                .isEqualTo(available.get(customer));
                        add(customer, -available.get(customer));
                    } else if (entry.cause() == Cause.BIRTHDAY) {
                        add(customer, LoyaltyWorld.standard().birthdayPoints());
                    } else {
                        throw new AssertionError("a midnight added " + entry);
                    }
                }
            }
        }

        /** Birthday bonuses and lot expiries (checked against the lots by checkLotMidnight). */
        void lotMidnight(LoyaltyWorld world, Map<String, List<LedgerEntry>> before) {
            for (String customer : CUSTOMERS) {
                List<LedgerEntry> now = world.memory.ledgers.getOrDefault(customer, List.of());
                for (LedgerEntry entry :
                        now.subList(before.getOrDefault(customer, List.of()).size(), now.size())) {
                    if (entry.cause() == Cause.EXPIRY || entry.cause() == Cause.BIRTHDAY) {
                        add(customer, entry.points());
                    } else {
                        throw new AssertionError("a midnight added " + entry);
                    }
                }
            }
        }

        long total(LoyaltyWorld world, String customer) {
            List<LedgerEntry> entries = world.memory.ledgers.getOrDefault(customer, List.of());
            LoyaltyProgram program = world.memory.programs.get(LoyaltyWorld.STORE);
            long total = others.getOrDefault(customer, 0L);
            for (Order order : world.memory.orders.values()) {
                if (order.customerExternalId().equals(customer)
                        && order.status() == OrderStatus.COMPLETED
                        && !order.createdAt().isBefore(program.startsAt())) {
                    int multiplier = entries.stream()
                            .filter(e -> e.ref().equals(order.externalId())
                                    && e.cause().ofAnOrder())
                            .findFirst()
                            .map(LedgerEntry::multiplierPermille)
                            .orElse(LoyaltyProgram.NO_MULTIPLIER);
                    total += java.math.BigInteger.valueOf(order.total().minor())
                            .multiply(java.math.BigInteger.valueOf(multiplier))
                            .divide(java.math.BigInteger.valueOf(100_000))
                            .longValueExact(); // 1 point per 1.00 SAR × multiplier
                }
            }
            long notTakenBack = entries.stream()
                    .filter(e -> e.cause().ofAnOrder())
                    .mapToLong(LedgerEntry::shortfall)
                    .sum();
            return total + notTakenBack; // what a reversal could not take back stays on the ledger (it was spent)
        }
    }

    /** Checks every customer; returns how many kept standings were trusted now (and checked against the ledger). */
    private static int check(LoyaltyWorld world, Model model, long seed, int step) {
        int trusted = 0;
        for (String customer : CUSTOMERS) {
            List<LedgerEntry> entries = world.memory.ledgers.getOrDefault(customer, List.of());
            Balance balance = Balance.of(entries, world.now);
            long sum = entries.stream().mapToLong(LedgerEntry::points).sum();
            assertThat(balance.total())
                    .as("seed %d step %d %s: the model", seed, step, customer)
                    .isEqualTo(model.total(world, customer));
            assertThat(balance.total())
                    .as("seed %d step %d %s", seed, step, customer)
                    .isEqualTo(sum)
                    .isNotNegative();
            assertThat(balance.available())
                    .as("seed %d step %d %s", seed, step, customer)
                    .isNotNegative();
            for (Order order : world.memory.orders.values()) {
                long should = order.customerExternalId().equals(customer)
                        ? EarnPoints.target(
                                world.memory.programs.get(LoyaltyWorld.STORE),
                                order,
                                OrderSettlement.Holding.of(entries, order.externalId())
                                        .multiplier(1000))
                        : 0;
                assertThat(OrderSettlement.held(entries, order.externalId()))
                        .as("seed %d step %d: order %s of %s", seed, step, order.externalId(), customer)
                        .isEqualTo(should);
            }
            KeptStanding kept = world.memory.kept.get(customer);
            if (kept != null && kept.trustedAt(world.now)) {
                LoyaltyProgram program = world.memory.programs.get(LoyaltyWorld.STORE);
                PurchaseActivity.Purchases purchases = world.memory
                        .of(LoyaltyWorld.STORE, List.of(customer), Standings.since(world.now))
                        .get(customer);
                assertThat(kept.card())
                        .as("seed %d step %d %s: the kept standing is the ledger's now", seed, step, customer)
                        .isEqualTo(Standings.of(program, entries, purchases, world.now));
                KeptStanding again = Standings.kept(program, entries, purchases, world.now);
                assertThat(kept.basis())
                        .as("seed %d step %d %s: the kept tier basis", seed, step, customer)
                        .isEqualTo(again.basis());
                trusted++;
            }
            LoyaltyStanding standing = world.memory.standings.get(customer);
            if (standing != null && !entries.isEmpty()) {
                assertThat(standing.points() + standing.pending())
                        .as("seed %d step %d", seed, step)
                        .isLessThanOrEqualTo(Math.max(0, sum) + standing.pending());
            }
        }
        return trusted;
    }
}
