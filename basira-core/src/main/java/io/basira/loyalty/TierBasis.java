package io.basira.loyalty;

import java.util.Locale;

/** What a tier is qualified by, over the rolling 12 months that end now. */
public enum TierBasis {
    /** The total of the customer's completed orders (net of refunds: an order counts with its current total). */
    SPEND_12M,
    /** The points earned from orders and bonuses, net of reversals; redemptions and expiry do not count. */
    POINTS_12M;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TierBasis fromCode(String code) {
        for (TierBasis basis : values()) {
            if (basis.code().equals(code)) {
                return basis;
            }
        }
        throw new IllegalArgumentException("unknown tier basis '" + code + "', expected spend_12m or points_12m");
    }
}
