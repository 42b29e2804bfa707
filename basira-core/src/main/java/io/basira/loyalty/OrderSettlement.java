package io.basira.loyalty;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Brings what the ledger holds for one order to what the order should hold now: one entry with the
 * difference, or none. State-based, so the same order written twice, or completed → cancelled → completed,
 * never earns twice: what an order holds is the sum of its entries' points less their shortfalls.
 *
 * <p>An order's terms are fixed by its first entry: the multiplier it earned at and when its points become
 * available (the pending period from that first earning). A reversal of points still pending takes them back
 * whole; a reversal of available points takes at most what is available now, the rest is recorded as the
 * entry's shortfall (points already spent), so the balance never goes negative.
 */
public final class OrderSettlement {

    private OrderSettlement() {}

    /** What the ledger holds for the order: its entries' points less their shortfalls. */
    public static long held(List<LedgerEntry> entries, String orderId) {
        long held = 0;
        for (LedgerEntry entry : entries) {
            if (entry.cause().ofAnOrder() && entry.ref().equals(orderId)) {
                held += entry.points() - entry.shortfall();
            }
        }
        return held;
    }

    /** The first entry of the order (its terms), if any. */
    public static Optional<LedgerEntry> first(List<LedgerEntry> entries, String orderId) {
        return entries.stream().filter(e -> e.cause().ofAnOrder() && e.ref().equals(orderId)).findFirst();
    }

    /**
     * The entry that settles the order at {@code target} points, or empty when it holds that already.
     *
     * @param target the points the order should hold now, at {@code multiplierPermille}
     * @param multiplierPermille the order's multiplier ({@link #multiplier}): recorded when this is its first entry
     */
    public static Optional<LedgerEntry> settle(String customerId, String orderId, long target, int multiplierPermille,
            List<LedgerEntry> entries, int pendingDays, Instant now) {
        long delta = target - held(entries, orderId);
        if (delta == 0) {
            return Optional.empty();
        }
        Optional<LedgerEntry> first = first(entries, orderId);
        int multiplier = first.map(LedgerEntry::multiplierPermille).orElse(multiplierPermille);
        Instant availableAt = first.map(LedgerEntry::availableAt).orElse(now.plus(Duration.ofDays(pendingDays)));
        if (delta > 0) {
            return Optional.of(new LedgerEntry(customerId, Cause.ORDER, orderId, delta, 0, multiplier, availableAt, now,
                    null, null));
        }
        long due = -delta;
        long take = availableAt.isAfter(now) ? due : Math.min(due, Math.max(0, Balance.of(entries, now).available()));
        return Optional.of(new LedgerEntry(customerId, Cause.REVERSAL, orderId, -take, due - take, multiplier,
                availableAt, now, null, null));
    }

    /**
     * The multiplier the order earns at: its first entry's when it has one, else {@code current} (the
     * customer's tier's now).
     */
    public static int multiplier(List<LedgerEntry> entries, String orderId, int current) {
        return first(entries, orderId).map(LedgerEntry::multiplierPermille).orElse(current);
    }
}
