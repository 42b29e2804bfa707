package io.basira.card;

/**
 * A customer's loyalty standing as the card shows it (docs/loyalty.md): the points that can be spent now,
 * the points still pending, the points earned over the customer's life (net of reversals), the tier's name
 * (null when none) and the available points that expire within 30 days. Kept by {@code io.basira.loyalty}
 * with every ledger change and at each store's midnight.
 */
public record LoyaltyStanding(long points, long pending, long lifetime, String tier, long expiring30d) {

    /** A customer who never had points. */
    public static final LoyaltyStanding NONE = new LoyaltyStanding(0, 0, 0, null, 0);

    public LoyaltyStanding {
        if (points < 0 || pending < 0 || lifetime < 0 || expiring30d < 0) {
            throw new IllegalArgumentException("a loyalty standing is never negative");
        }
    }
}
