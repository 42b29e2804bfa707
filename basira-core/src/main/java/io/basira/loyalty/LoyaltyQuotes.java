package io.basira.loyalty;

import io.basira.card.LoyaltyStanding;
import io.basira.checkout.LoyaltyQuote;
import io.basira.checkout.LoyaltyQuote.Redeemable;
import io.basira.shared.Money;
import java.util.ArrayList;
import java.util.List;

/**
 * Loyalty's part of a checkout decision: the points the order would earn (its total before shipping, at the
 * customer's tier's multiplier, by the one earning formula), the available points, a tier's free shipping, and
 * the rewards the customer can afford now — a coupon of at most the order's total, free shipping, the free
 * product.
 */
public final class LoyaltyQuotes {

    private LoyaltyQuotes() {}

    public static LoyaltyQuote quote(LoyaltyProgram program, LoyaltyStanding standing, Money total) {
        Tier tier = program.tierNamed(standing.tier());
        long toEarn = program.orderPoints(total.minor(), program.multiplierOf(standing.tier()));
        List<Redeemable> redeemable = new ArrayList<>();
        long available = standing.points();
        if (available > 0 && program.redeemMinor() > 0 && total.minor() > 0) {
            long points = Math.min(available, pointsWorth(program, total.minor()));
            long value = program.valueMinor(points);
            if (value > 0) {
                redeemable.add(new Redeemable(
                        Redemption.Reward.COUPON.code(), points, Money.ofMinor(value, total.currency()), null));
            }
        }
        if (program.freeShippingPoints() > 0 && available >= program.freeShippingPoints()) {
            redeemable.add(
                    new Redeemable(Redemption.Reward.FREE_SHIPPING.code(), program.freeShippingPoints(), null, null));
        }
        if (program.freeProductPoints() > 0 && available >= program.freeProductPoints()) {
            redeemable.add(new Redeemable(
                    Redemption.Reward.FREE_PRODUCT.code(), program.freeProductPoints(), null, program.freeProductId()));
        }
        return new LoyaltyQuote(toEarn, available, standing.tier(), tier != null && tier.freeShipping(), redeemable);
    }

    /** The fewest points whose coupon covers {@code minor}, at most: points × value / redeemPoints ≤ minor. */
    private static long pointsWorth(LoyaltyProgram program, long minor) {
        return java.math.BigInteger.valueOf(minor)
                .multiply(java.math.BigInteger.valueOf(program.redeemPoints()))
                .divide(java.math.BigInteger.valueOf(program.redeemMinor()))
                .min(java.math.BigInteger.valueOf(Long.MAX_VALUE))
                .longValue();
    }
}
