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
        return of(program, entries, purchases, now, Balance.of(entries, now));
    }

    /** {@link #of} with the ledger's balance summed already ({@code Balance.of(entries, now)}). */
    private static LoyaltyStanding of(
            LoyaltyProgram program, List<LedgerEntry> entries, Purchases purchases, Instant now, Balance balance) {
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

    /**
     * The standing as {@link #of} computes it, with what lets a write advance it without the ledger
     * ({@link #advance}) and until when it holds ({@link KeptStanding#validUntil}). {@code purchases} must come from
     * {@link PurchaseActivity#of} since {@link #since} of {@code now} when the program's standing depends on them
     * ({@link #needsPurchases}).
     *
     * <p>It sums total, available and lifetime points in its own pass over the ledger ({@link Pass#over}) rather
     * than calling {@link Balance#of}: it walks the entries anyway for the 12 months' earned points and until when
     * the standing holds, so the sums ride along for a few additions, and it needs them <em>raw</em>
     * ({@link Balance#lifetime} is clamped at 0, and a standing whose raw balance is negative somewhere is never
     * kept). The card's balance is made from that pass ({@link Pass#balance}), not summed a second time. It runs on
     * the write path (every restated account of {@link LedgerBook}: docs/loyalty.md, "What a write costs"), so it
     * stays one pass; {@code StandingsTest} pins its sums to {@link Balance#of}'s.
     */
    public static KeptStanding kept(
            LoyaltyProgram program, List<LedgerEntry> entries, Purchases purchases, Instant now) {
        Instant since = since(now);
        Instant until = now.plus(MAX_KEPT);
        boolean byPoints =
                program.tierBasis() == TierBasis.POINTS_12M && !program.tiers().isEmpty();
        boolean bySpend =
                program.tierBasis() == TierBasis.SPEND_12M && !program.tiers().isEmpty();
        Pass pass = Pass.over(entries, now, since, byPoints, until);
        LoyaltyStanding card = of(program, entries, purchases, now, pass.balance());
        long total = pass.total();
        long available = pass.available();
        long lifetime = pass.lifetime();
        long earned = pass.earned();
        until = pass.until();
        long spend = purchases == null ? 0 : purchases.spendMinor();
        long basis = program.tierBasis() == TierBasis.SPEND_12M ? spend : earned;
        Instant last = purchases == null ? null : purchases.lastPurchaseAt();
        boolean clamped = available < 0 || total - available < 0 || lifetime < 0;
        boolean spendUnknown = bySpend && spend != 0 && (purchases == null || purchases.oldestCountedAt() == null);
        if (clamped || spendUnknown) {
            return new KeptStanding(card, basis, last, null);
        }
        if (bySpend && spend != 0) {
            until = earliest(until, yearAfter(purchases.oldestCountedAt()));
        }
        if (program.expiresPerLot() && program.expiryMonths() > 0) {
            for (Lots.Lot lot : Lots.of(entries)) {
                until = earliest(until, warnedFrom(lot.expiresAt(program), now));
            }
        } else {
            Instant deadline = expiresAt(program, entries, purchases);
            if (deadline != null) {
                until = earliest(until, warnedFrom(deadline, now));
            }
        }
        return new KeptStanding(card, basis, last, until);
    }

    /**
     * One pass over a ledger for {@link #kept}: {@link Balance#of}'s sums unclamped ({@code total},
     * {@code available}, {@code lifetime}), the points earned since {@code since} net of reversals' shortfalls
     * (unclamped {@link #pointsEarnedSince}), and {@code until} lowered to the first pending entry's availability
     * and, when tiers go by points, to the first earning entry leaving the 12 months.
     */
    record Pass(long total, long available, long lifetime, long earned, Instant until) {

        static Pass over(List<LedgerEntry> entries, Instant now, Instant since, boolean byPoints, Instant until) {
            long total = 0;
            long available = 0;
            long lifetime = 0;
            long earned = 0;
            for (LedgerEntry entry : entries) {
                total += entry.points();
                if (entry.availableBy(now)) {
                    available += entry.points();
                } else {
                    until = earliest(until, entry.availableAt());
                }
                if (entry.cause().earning()) {
                    lifetime += entry.points();
                    if (!entry.recordedAt().isBefore(since)) {
                        earned += entry.points() - entry.shortfall();
                        if (byPoints) {
                            until = earliest(until, yearAfter(entry.recordedAt()));
                        }
                    }
                }
            }
            return new Pass(total, available, lifetime, earned, until);
        }

        /** The balance {@link Balance#of} sums from the same entries at the same {@code now}. */
        Balance balance() {
            return new Balance(total, available, total - available, Math.max(0, lifetime));
        }
    }

    /**
     * A kept standing advanced by orders new to the store ({@code orders}, completed, this customer's) and the
     * entries they earned ({@code added}: positive {@code order} entries recorded {@code now}), without reading the
     * ledger or the orders: equal to {@link #kept} of the whole ledger and purchases while {@code kept} is
     * {@linkplain KeptStanding#trustedAt trusted at} {@code now} (checked by the property test).
     */
    public static KeptStanding advance(
            LoyaltyProgram program,
            KeptStanding kept,
            List<LedgerEntry> added,
            List<PurchaseActivity.CompletedOrder> orders,
            Instant now) {
        LoyaltyStanding card = kept.card();
        Instant since = since(now);
        Instant until = kept.validUntil();
        Instant soon = now.plus(Duration.ofDays(30));
        long available = card.points();
        long pending = card.pending();
        long lifetime = card.lifetime();
        long expiring = card.expiring30d();
        long basis = kept.basis();
        for (LedgerEntry entry : added) {
            if (entry.cause() != Cause.ORDER || entry.points() <= 0) {
                throw new IllegalArgumentException("only an order's first points advance a kept standing: " + entry);
            }
            lifetime += entry.points();
            if (entry.availableBy(now)) {
                available += entry.points();
            } else {
                pending += entry.points();
                until = earliest(until, entry.availableAt());
            }
            if (program.tierBasis() == TierBasis.POINTS_12M) {
                basis += entry.points();
                if (!program.tiers().isEmpty()) {
                    until = earliest(until, yearAfter(entry.recordedAt()));
                }
            }
            if (program.expiresPerLot() && program.expiryMonths() > 0) {
                Instant expires = Lots.expiry(entry.availableAt(), program.expiryMonths());
                if (entry.availableBy(now) && expires.isBefore(soon)) {
                    expiring += entry.points();
                }
                until = earliest(until, warnedFrom(expires, now));
            }
        }
        Instant last = kept.lastPurchaseAt();
        for (PurchaseActivity.CompletedOrder order : orders) {
            if (last == null || order.createdAt().isAfter(last)) {
                last = order.createdAt();
            }
            if (program.tierBasis() == TierBasis.SPEND_12M && !order.createdAt().isBefore(since)) {
                basis += order.totalMinor();
                if (!program.tiers().isEmpty()) {
                    until = earliest(until, yearAfter(order.createdAt()));
                }
            }
        }
        if (program.expiresByInactivity() && last != null) {
            Instant deadline = last.atZone(ZoneOffset.UTC)
                    .plusMonths(program.expiryMonths())
                    .toInstant();
            expiring = deadline.isBefore(soon) ? available : 0;
            until = earliest(until, warnedFrom(deadline, now));
        }
        Tier tier = program.tiers().isEmpty() ? null : program.tierFor(Math.max(0, basis));
        return new KeptStanding(
                new LoyaltyStanding(available, pending, lifetime, tier == null ? null : tier.name(), expiring),
                basis,
                last,
                until);
    }

    /** Whether the program's standing reads the customer's purchases: tiers by spend, expiry by inactivity. */
    public static boolean needsPurchases(LoyaltyProgram program) {
        return program.expiresByInactivity()
                || (program.tierBasis() == TierBasis.SPEND_12M
                        && !program.tiers().isEmpty());
    }

    /** The longest a standing is kept without a restatement (the store's midnight restates every day). */
    static final Duration MAX_KEPT = Duration.ofDays(40);

    private static Instant earliest(Instant a, Instant b) {
        return b == null || (a != null && !b.isBefore(a)) ? a : b;
    }

    /** When something dated {@code at} leaves the rolling 12 months (it counts while now is before this). */
    private static Instant yearAfter(Instant at) {
        return at.atZone(ZoneOffset.UTC).plusMonths(12).toInstant();
    }

    /**
     * When points expiring at {@code expires} enter the 30 days before it: they count as expiring soon at any time
     * after it (at it exactly, not yet), so a standing of now holds while now is before it. Null when they never
     * expire, or counted already at {@code now}.
     */
    private static Instant warnedFrom(Instant expires, Instant now) {
        if (expires == null) {
            return null;
        }
        Instant from = expires.minus(Duration.ofDays(30));
        return from.isBefore(now) ? null : from;
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
