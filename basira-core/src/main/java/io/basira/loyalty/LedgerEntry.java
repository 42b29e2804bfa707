package io.basira.loyalty;

import java.time.Instant;
import java.util.Objects;

/**
 * One line of a customer's points ledger; lines are only ever appended. {@code points} is signed;
 * {@code shortfall} (reversals only) is what a reversal could not take back because the points were already
 * spent, so the balance never goes negative and the order still counts as settled. {@code multiplierPermille}
 * is the tier multiplier the order earned at (kept so that a later change of the order is valued the same);
 * {@code availableAt} is when the points can be spent (an order's pending period); {@code actor} and
 * {@code reason} say who made an adjustment and why.
 */
public record LedgerEntry(
        String customerId,
        Cause cause,
        String ref,
        long points,
        long shortfall,
        int multiplierPermille,
        Instant availableAt,
        Instant recordedAt,
        String actor,
        String reason) {

    public LedgerEntry {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(availableAt, "availableAt");
        Objects.requireNonNull(recordedAt, "recordedAt");
        if (shortfall < 0 || (shortfall > 0 && cause != Cause.REVERSAL)) {
            throw new IllegalArgumentException("only a reversal has a shortfall, and it is not negative");
        }
    }

    /** An entry of a points change made now, available now. */
    public static LedgerEntry now(
            String customerId, Cause cause, String ref, long points, Instant now, String actor, String reason) {
        return new LedgerEntry(
                customerId, cause, ref, points, 0, LoyaltyProgram.NO_MULTIPLIER, now, now, actor, reason);
    }

    public boolean availableBy(Instant at) {
        return !availableAt.isAfter(at);
    }
}
