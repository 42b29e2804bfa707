package io.basira.loyalty;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's points as lots (docs/loyalty.md, "Expiry per lot"): a function of the ledger alone, so the live
 * midnight, the card's {@code points_expiring_30d} and a replay all see the same lots.
 *
 * <p>Every positive entry is a lot of its points, dated by when they became available ({@code availableAt}).
 * The entries are read in the order they were appended, and every negative entry spends lots <b>oldest first</b>
 * (by date, then by entry): a redemption, a negative adjustment, an expiry and a reversal alike spend the oldest
 * lots that were available when it was recorded. Two entries are told apart:
 * <ul>
 *   <li>a reversal of points still pending (its {@code availableAt} after its {@code recordedAt}) takes back
 *       its own order's pending lot, the points it reverses (the available balance does not change);</li>
 *   <li>a release gives back the very lots its redemption spent, with their dates (reserving and releasing
 *       does not make points younger); what it gives beyond them is a new lot.</li>
 * </ul>
 * A lot expires {@code expiryMonths} months after its date; expired points leave through an {@code expiry}
 * entry, which spends the oldest lots, exactly those that expired (a lot's expiry follows its date). Until that
 * entry is recorded a lot is still spendable.
 */
public final class Lots {

    private Lots() {}

    /** Points left of one lot, dated by when they became available. */
    public record Lot(Instant availableAt, long points) {

        /** When this lot expires under {@code program}; null when its points never expire. */
        public Instant expiresAt(LoyaltyProgram program) {
            return program.expiryMonths() == 0 ? null : expiry(availableAt, program.expiryMonths());
        }
    }

    /** When points that became available at {@code availableAt} expire after {@code months}. */
    public static Instant expiry(Instant availableAt, int months) {
        return availableAt.atZone(ZoneOffset.UTC).plusMonths(months).toInstant();
    }

    /** The lots with points left, oldest first (pending ones included: their date is in the future). */
    public static List<Lot> of(List<LedgerEntry> entries) {
        List<Open> lots = new ArrayList<>();
        Map<String, List<long[]>> spentBy = new HashMap<>(); // redemption id -> [lot index, points]
        List<Open> byIndex = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            LedgerEntry entry = entries.get(i);
            if (entry.points() > 0) {
                long rest = entry.points();
                List<long[]> spent = entry.cause() == Cause.RELEASE ? spentBy.remove(entry.ref()) : null;
                if (spent != null) {
                    for (long[] part : spent) {
                        long back = Math.min(rest, part[1]);
                        byIndex.get((int) part[0]).left += back;
                        rest -= back;
                    }
                }
                if (rest > 0) {
                    Open lot = new Open(
                            entry.availableAt(),
                            byIndex.size(),
                            entry.cause() == Cause.ORDER ? entry.ref() : null,
                            rest);
                    byIndex.add(lot);
                    insert(lots, lot);
                }
            } else if (entry.points() < 0) {
                List<long[]> spent = entry.cause() == Cause.REDEMPTION ? new ArrayList<>() : null;
                long due = -entry.points();
                if (entry.cause() == Cause.REVERSAL && entry.availableAt().isAfter(entry.recordedAt())) {
                    due = spend(lots, due, entry.ref(), null, spent);
                }
                due = spend(lots, due, null, entry.recordedAt(), spent);
                spend(lots, due, null, null, spent); // not reached while the ledger is consistent
                if (spent != null) {
                    spentBy.put(entry.ref(), spent);
                }
            }
        }
        List<Lot> left = new ArrayList<>();
        for (Open lot : lots) {
            if (lot.left > 0) {
                left.add(new Lot(lot.availableAt, lot.left));
            }
        }
        return left;
    }

    /** The points of lots that expire before {@code until} and are available at {@code now}. */
    public static long expiringBefore(LoyaltyProgram program, List<Lot> lots, Instant now, Instant until) {
        if (program.expiryMonths() == 0) {
            return 0;
        }
        long points = 0;
        for (Lot lot : lots) {
            if (!lot.availableAt().isAfter(now) && lot.expiresAt(program).isBefore(until)) {
                points += lot.points();
            }
        }
        return points;
    }

    /**
     * Spends up to {@code due} from the oldest lots: of order {@code orderRef} when not null, else those
     * available at {@code availableBy} when not null, else any; returns what is still due.
     */
    private static long spend(List<Open> lots, long due, String orderRef, Instant availableBy, List<long[]> spent) {
        for (int i = 0; i < lots.size() && due > 0; i++) {
            Open lot = lots.get(i);
            if (lot.left == 0
                    || (orderRef != null && !orderRef.equals(lot.order))
                    || (availableBy != null && lot.availableAt.isAfter(availableBy))) {
                continue;
            }
            long take = Math.min(due, lot.left);
            lot.left -= take;
            due -= take;
            if (spent != null) {
                spent.add(new long[] {lot.index, take});
            }
        }
        return due;
    }

    private static final Comparator<Open> OLDEST_FIRST =
            Comparator.<Open, Instant>comparing(l -> l.availableAt).thenComparingInt(l -> l.index);

    private static void insert(List<Open> lots, Open lot) {
        int at = lots.size();
        while (at > 0 && OLDEST_FIRST.compare(lots.get(at - 1), lot) > 0) {
            at--;
        }
        lots.add(at, lot);
    }

    private static final class Open {
        final Instant availableAt;
        final int index;
        final String order;
        long left;

        Open(Instant availableAt, int index, String order, long left) {
            this.availableAt = availableAt;
            this.index = index;
            this.order = order;
            this.left = left;
        }
    }
}
