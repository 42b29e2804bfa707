package io.basira.loyalty;

import io.basira.loyalty.PurchaseActivity.CompletedOrder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What an order should hold and the entry that brings it there: the one rule of order points, used by the
 * write path ({@link EarnPoints}), the repair ({@link RebuildLedgers}) and the replay ({@link LedgerReplay}).
 *
 * <p>An order should hold {@link LoyaltyProgram#orderPoints} of its current total at its multiplier when it is
 * completed and was created at or after the program's start, and nothing otherwise ({@link #target}). The
 * ledger gets the difference from what it holds: one entry, or none. State-based, so the same order written
 * twice, or completed → cancelled → completed, never earns twice: what an order holds is the sum of its
 * entries' points less their shortfalls.
 *
 * <p>An order's terms are fixed by its first entry: the multiplier it earned at and when its points become
 * available (the pending period from that first earning). A reversal of points still pending takes them back
 * whole; a reversal of available points takes at most what is available now, the rest is recorded as the
 * entry's shortfall (points already spent), so the balance never goes negative.
 */
public final class OrderSettlement {

    private OrderSettlement() {}

    /**
     * The points an order should hold at {@code multiplierPermille}: its points when {@code completed} is the
     * order as a completed order (null: not completed, or not this customer's) created at or after the start.
     */
    public static long target(LoyaltyProgram program, CompletedOrder completed, int multiplierPermille) {
        if (completed == null || completed.createdAt().isBefore(program.startsAt())) {
            return 0;
        }
        return program.orderPoints(completed.totalMinor(), multiplierPermille);
    }

    /** What the ledger holds for one order, read in one pass: its entries' points less shortfalls, and its terms. */
    public record Holding(long held, long shortfall, LedgerEntry first) {

        public static Holding of(List<LedgerEntry> entries, String orderId) {
            long held = 0;
            long shortfall = 0;
            LedgerEntry first = null;
            for (LedgerEntry entry : entries) {
                if (entry.cause().ofAnOrder() && entry.ref().equals(orderId)) {
                    held += entry.points() - entry.shortfall();
                    shortfall += entry.shortfall();
                    if (first == null) {
                        first = entry;
                    }
                }
            }
            return new Holding(held, shortfall, first);
        }

        /** The multiplier the order earns at: its first entry's when it has one, else {@code current}. */
        public int multiplier(int current) {
            return first == null ? current : first.multiplierPermille();
        }
    }

    /** What the ledger holds for the order: its entries' points less their shortfalls. */
    public static long held(List<LedgerEntry> entries, String orderId) {
        return Holding.of(entries, orderId).held();
    }

    /**
     * The entry that settles the order to what it should hold ({@link #target} of {@code completed}, null when
     * it should hold nothing), or empty when it holds that already.
     *
     * @param current the multiplier of the customer's tier now: the order's when this is its first entry
     */
    public static Optional<LedgerEntry> settle(
            LoyaltyProgram program,
            String customerId,
            String orderId,
            CompletedOrder completed,
            int current,
            List<LedgerEntry> entries,
            Instant now) {
        Holding holding = Holding.of(entries, orderId);
        int multiplier = holding.multiplier(current);
        long delta = target(program, completed, multiplier) - holding.held();
        if (delta == 0) {
            return Optional.empty();
        }
        LedgerEntry first = holding.first();
        Instant availableAt = first != null ? first.availableAt() : now.plus(Duration.ofDays(program.pendingDays()));
        if (delta > 0) {
            return Optional.of(new LedgerEntry(
                    customerId, Cause.ORDER, orderId, delta, 0, multiplier, availableAt, now, null, null));
        }
        long due = -delta;
        long take = availableAt.isAfter(now)
                ? due
                : Math.min(due, Math.max(0, Balance.of(entries, now).available()));
        return Optional.of(new LedgerEntry(
                customerId, Cause.REVERSAL, orderId, -take, due - take, multiplier, availableAt, now, null, null));
    }
}
