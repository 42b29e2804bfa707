package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import java.time.Instant;
import java.util.Objects;

/**
 * A customer's standing as kept on their account, with what lets a write advance it from the new entries alone
 * instead of reading the ledger and the orders again ({@link Standings#advance}).
 *
 * <p>{@code basis} is the tier basis unclamped (the 12-month spend in minor units, or the points earned in the 12
 * months net of reversals), {@code lastPurchaseAt} the last completed order (null: none, or not read because the
 * program's standing does not depend on it). {@code validUntil} is when the standing could change with time alone
 * (points becoming available, an order or entry leaving the 12 months, points entering the 30 days before their
 * expiry): until then the kept standing is what {@link Standings#of} would compute from the ledger. Null: not to be
 * trusted (never kept, a program saved since, or a ledger whose raw balance is not what the card shows).
 */
public record KeptStanding(LoyaltyStanding card, long basis, Instant lastPurchaseAt, Instant validUntil) {

    public KeptStanding {
        Objects.requireNonNull(card, "card");
    }

    /** Whether this standing is still the one {@link Standings#of} would compute at {@code now}. */
    public boolean trustedAt(Instant now) {
        return validUntil != null && now.isBefore(validUntil);
    }
}
