package io.basira.loyalty;

import java.util.List;

/**
 * A customer's points, all from the ledger: {@code total} is the sum of every entry (never negative),
 * {@code available} the part that can be spent now, {@code pending} the part still locked,
 * {@code lifetime} the points earned net of reversals (redemptions and expiry do not lower it).
 */
public record Balance(long total, long available, long pending, long lifetime) {

    public static final Balance ZERO = new Balance(0, 0, 0, 0);

    public static Balance of(List<LedgerEntry> entries, java.time.Instant now) {
        long total = 0;
        long available = 0;
        long lifetime = 0;
        for (LedgerEntry entry : entries) {
            total += entry.points();
            if (entry.availableBy(now)) {
                available += entry.points();
            }
            if (entry.cause().earning()) {
                lifetime += entry.points();
            }
        }
        return new Balance(total, available, total - available, Math.max(0, lifetime));
    }
}
