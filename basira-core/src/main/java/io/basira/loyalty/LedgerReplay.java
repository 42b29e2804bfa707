package io.basira.loyalty;

import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A customer's ledger replayed from scratch (docs/loyalty.md, "Rebuild"): every order's points from the order
 * as stored now, and every action as recorded (adjustments, custom actions, bonuses, redemptions and their
 * releases, expiries: facts of a moment that no record holds). What an order keeps from its history are its
 * terms (the multiplier it first earned at, when its points became available) and the points a reversal
 * could not take back because they were spent (its shortfall). An order without entries (completed before the
 * program was switched on, or imported without it) is replayed at the customer's tier now, pending from its
 * creation.
 *
 * <p>Ledgers are compared by source: per order, and per cause and ref for the rest, the sum of points and of
 * shortfalls. Live equals replayed exactly when every order holds what it should under the program.
 */
public final class LedgerReplay {

    private LedgerReplay() {}

    /** The replayed ledger of one customer. */
    public static List<LedgerEntry> replay(
            LoyaltyProgram program, Account live, List<CompletedOrder> orders, Instant now) {
        List<LedgerEntry> replayed = new ArrayList<>();
        Map<String, List<LedgerEntry>> byOrder = new TreeMap<>();
        for (LedgerEntry entry : live.entries()) {
            if (entry.cause().ofAnOrder()) {
                byOrder.computeIfAbsent(entry.ref(), r -> new ArrayList<>()).add(entry);
            } else {
                replayed.add(entry);
            }
        }
        Map<String, CompletedOrder> completed = new HashMap<>();
        for (CompletedOrder order : orders) {
            completed.put(order.orderId(), order);
        }
        TreeSet<String> ids = new TreeSet<>(byOrder.keySet());
        ids.addAll(completed.keySet());
        int current = program.multiplierOf(live.tier());
        for (String id : ids) {
            List<LedgerEntry> held = byOrder.getOrDefault(id, List.of());
            CompletedOrder order = completed.get(id);
            LedgerEntry first = held.isEmpty() ? null : held.get(0);
            int multiplier = first != null ? first.multiplierPermille() : current;
            Instant availableAt = first != null
                    ? first.availableAt()
                    : order.createdAt().plus(Duration.ofDays(program.pendingDays()));
            Instant recordedAt = first != null ? first.recordedAt() : now;
            long shortfall = held.stream().mapToLong(LedgerEntry::shortfall).sum();
            long target = OrderSettlement.target(program, order, multiplier);
            if (target + shortfall != 0) {
                replayed.add(new LedgerEntry(
                        live.customerId(),
                        Cause.ORDER,
                        id,
                        target + shortfall,
                        0,
                        multiplier,
                        availableAt,
                        recordedAt,
                        null,
                        null));
            }
            if (shortfall > 0) {
                replayed.add(new LedgerEntry(
                        live.customerId(),
                        Cause.REVERSAL,
                        id,
                        0,
                        shortfall,
                        multiplier,
                        availableAt,
                        recordedAt,
                        null,
                        null));
            }
        }
        return replayed;
    }

    /**
     * When the replay of {@code live} equals it, the number of sources of the replayed ledger (what
     * {@code bySource(replay(...)).size()} gives); -1 when they may differ (then compare them by
     * {@link #differences}). The rebuild's usual case, without building the replayed ledger: the replay copies every
     * entry that is not of an order, so the two are equal exactly when every order holds, by the sum of its entries'
     * points, its target at its multiplier plus its shortfall.
     */
    public static long sourcesIfEqual(LoyaltyProgram program, Account live, List<CompletedOrder> orders) {
        Map<String, long[]> byOrder = new HashMap<>(); // order id -> [points, shortfall, first multiplier]
        Map<String, long[]> others = null; // cause:ref -> [points, shortfall]
        for (LedgerEntry entry : live.entries()) {
            if (entry.cause().ofAnOrder()) {
                long[] held = byOrder.get(entry.ref());
                if (held == null) {
                    byOrder.put(
                            entry.ref(), new long[] {entry.points(), entry.shortfall(), entry.multiplierPermille()});
                } else {
                    held[0] += entry.points();
                    held[1] += entry.shortfall();
                }
            } else {
                if (others == null) {
                    others = new HashMap<>();
                }
                long[] held = others.computeIfAbsent(entry.cause().code() + ":" + entry.ref(), k -> new long[2]);
                held[0] += entry.points();
                held[1] += entry.shortfall();
            }
        }
        long sources = 0;
        if (others != null) {
            for (long[] held : others.values()) {
                if (held[0] != 0 || held[1] != 0) {
                    sources++;
                }
            }
        }
        int current = program.multiplierOf(live.tier());
        java.util.Set<String> seen = orders.size() > 1 ? new java.util.HashSet<>() : null;
        for (CompletedOrder order : orders) {
            if (seen != null && !seen.add(order.orderId())) {
                return -1; // the same order twice: let the full comparison say what it finds
            }
            long[] held = byOrder.remove(order.orderId());
            long points = held == null ? 0 : held[0];
            long shortfall = held == null ? 0 : held[1];
            int multiplier = held == null ? current : (int) held[2];
            long target = OrderSettlement.target(program, order, multiplier);
            if (points != target + shortfall) {
                return -1;
            }
            if (target + shortfall != 0 || shortfall != 0) {
                sources++;
            }
        }
        for (long[] held : byOrder.values()) { // orders not completed now: they should hold nothing
            if (held[0] != held[1]) {
                return -1;
            }
            if (held[1] != 0) {
                sources++;
            }
        }
        return sources;
    }

    /** A source of points and what a ledger holds for it. */
    public record Held(String customerId, String source, long points, long shortfall) {}

    /**
     * The ledger by source: {@code order:<id>} for an order's entries, {@code <cause>:<ref>} for the rest (a hash
     * map: the rebuild builds two per customer, and only differing sources are listed, in order).
     */
    public static Map<String, Held> bySource(String customerId, List<LedgerEntry> entries) {
        Map<String, Held> sources = new HashMap<>(entries.size() * 2);
        for (LedgerEntry entry : entries) {
            String source = (entry.cause().ofAnOrder() ? "order" : entry.cause().code()) + ":" + entry.ref();
            Held before = sources.get(source);
            long points = (before == null ? 0 : before.points()) + entry.points();
            long shortfall = (before == null ? 0 : before.shortfall()) + entry.shortfall();
            sources.put(source, new Held(customerId, source, points, shortfall));
        }
        sources.values().removeIf(h -> h.points() == 0 && h.shortfall() == 0);
        return sources;
    }

    /** The sources where two ledgers of one customer differ (empty: equal), each as "live → replayed". */
    public static List<String> differences(String customerId, List<LedgerEntry> live, List<LedgerEntry> replayed) {
        return differences(customerId, bySource(customerId, live), bySource(customerId, replayed));
    }

    /** The sources where two ledgers by source ({@link #bySource}) of one customer differ, in source order. */
    public static List<String> differences(String customerId, Map<String, Held> a, Map<String, Held> b) {
        if (a.equals(b)) {
            return List.of();
        }
        TreeSet<String> sources = new TreeSet<>(a.keySet());
        sources.addAll(b.keySet());
        List<String> differences = new ArrayList<>();
        for (String source : sources) {
            Held x = a.get(source);
            Held y = b.get(source);
            if (!Objects.equals(x, y)) {
                differences.add(customerId + " " + source + ": live " + describe(x) + ", replayed " + describe(y));
            }
        }
        return differences;
    }

    private static String describe(Held held) {
        return held == null
                ? "nothing"
                : held.points() + " points"
                        + (held.shortfall() > 0 ? " (" + held.shortfall() + " not taken back)" : "");
    }
}
