package io.basira.checkout;

import io.basira.shared.Money;
import java.util.List;
import java.util.Objects;

/**
 * What loyalty says about one checkout (docs/loyalty.md, "At checkout"): the points this order would earn once
 * completed (on its total after discounts, at the customer's tier's multiplier), the points available now, the
 * tier and whether it ships free, and the rewards the customer can redeem now with their cost.
 */
public record LoyaltyQuote(
        long pointsToEarn, long availablePoints, String tier, boolean tierFreeShipping, List<Redeemable> redeemable) {

    public LoyaltyQuote {
        redeemable = List.copyOf(redeemable);
    }

    /** A reward the customer can take now: its kind ({@code coupon}, {@code free_shipping}, {@code free_product}),
     * its cost in points and, for a coupon, the most it can be worth on this order. */
    public record Redeemable(String reward, long points, Money value, String productId) {
        public Redeemable {
            Objects.requireNonNull(reward, "reward");
        }
    }
}
