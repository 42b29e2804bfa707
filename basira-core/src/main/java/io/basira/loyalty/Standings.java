package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.loyalty.PurchaseActivity.Purchases;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A customer's standing from their ledger and purchases (docs/loyalty.md): the balance, the tier and the
 * points expiring within 30 days.
 *
 * <p>Tiers are qualified over the rolling 12 months that end now: by completed spend (an order counts with
 * its current total, so a refund lowers it and can drop the tier) or by points earned (earning causes net of
 * reversals; spending points or their expiry never lowers it). The tier is recomputed whenever the
 * customer's points change and at each midnight of the store, so a customer moves down when the 12 months no
 * longer reach the threshold.
 *
 * <p>Expiry by inactivity: the available balance expires {@code expiryMonths} months after the customer's
 * last completed order (or, without one, their first ledger entry). Per lot: each lot of available points
 * expires {@code expiryMonths} months after its date ({@link Lots}).
 */
public final class Standings {

    private Standings() {}

    /** The start of the rolling 12 months that end at {@code now}. */
    public static Instant since(Instant now) {
        return now.atZone(ZoneOffset.UTC).minusMonths(12).toInstant();
    }

    public static LoyaltyStanding of(
            LoyaltyProgram program, List<LedgerEntry> entries, Purchases purchases, Instant now) {
        Balance balance = Balance.of(entries, now);
        Tier tier = tier(program, entries, purchases, now);
        long expiring;
        if (program.expiresPerLot()) {
            expiring = Lots.expiringBefore(program, Lots.of(entries), now, now.plus(Duration.ofDays(30)));
        } else {
            Instant deadline = expiresAt(program, entries, purchases);
            expiring = deadline != null && deadline.isBefore(now.plus(Duration.ofDays(30))) ? balance.available() : 0;
        }
        return new LoyaltyStanding(
                Math.max(0, balance.available()),
                Math.max(0, balance.pending()),
                balance.lifetime(),
                tier == null ? null : tier.name(),
                Math.max(0, expiring));
    }

    /** The tier the customer qualifies for now; null when none. */
    public static Tier tier(LoyaltyProgram program, List<LedgerEntry> entries, Purchases purchases, Instant now) {
        if (program.tiers().isEmpty()) {
            return null;
        }
        long basis = switch (program.tierBasis()) {
            case SPEND_12M -> purchases == null ? 0 : purchases.spendMinor();
            case POINTS_12M -> pointsEarnedSince(entries, since(now));
        };
        return program.tierFor(basis);
    }

    static long pointsEarnedSince(List<LedgerEntry> entries, Instant since) {
        long earned = 0;
        for (LedgerEntry entry : entries) {
            if (entry.cause().earning() && !entry.recordedAt().isBefore(since)) {
                earned += entry.points() - entry.shortfall(); // a refund of spent points still counts against it
            }
        }
        return Math.max(0, earned);
    }

    /**
     * When the available balance expires for inactivity; null when the program never expires points, expires
     * them per lot, or there are none.
     */
    public static Instant expiresAt(LoyaltyProgram program, List<LedgerEntry> entries, Purchases purchases) {
        if (!program.expiresByInactivity() || entries.isEmpty()) {
            return null;
        }
        Instant last = purchases != null && purchases.lastPurchaseAt() != null
                ? purchases.lastPurchaseAt()
                : entries.get(0).recordedAt();
        return last.atZone(ZoneOffset.UTC).plusMonths(program.expiryMonths()).toInstant();
    }
}
