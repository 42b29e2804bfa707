package io.basira.checkout;

import io.basira.shared.DateRange;
import java.time.Instant;

/**
 * When a policy or coupon applies: from {@code from} inclusive to {@code until} exclusive. A null
 * bound is open (always started, never ends).
 */
public record Validity(Instant from, Instant until) {

    private static final Validity ALWAYS = new Validity(null, null);

    public Validity {
        DateRange.require(from, "validity start");
        DateRange.require(until, "validity end");
        if (from != null && until != null && !from.isBefore(until)) {
            throw new IllegalArgumentException("validity ends (" + until + ") at or before it starts (" + from + ")");
        }
    }

    public static Validity always() {
        return ALWAYS;
    }

    public boolean hasStarted(Instant now) {
        return from == null || !now.isBefore(from);
    }

    public boolean hasEnded(Instant now) {
        return until != null && !now.isBefore(until);
    }

    public boolean contains(Instant now) {
        return hasStarted(now) && !hasEnded(now);
    }
}
