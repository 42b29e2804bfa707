package io.basira.checkout.simulation;

import io.basira.checkout.Coupon;
import io.basira.checkout.CouponBenefit;
import io.basira.checkout.Policy;
import io.basira.checkout.PolicyRule;
import io.basira.checkout.Validity;
import io.basira.shared.Money;
import java.util.Objects;

/**
 * An offer to simulate: who it is for, what it gives and its conditions. Made from a policy or coupon as the
 * merchant is editing it ({@link #of(Policy)}, {@link #of(Coupon)}), or from a rule or groups and a discount
 * (a campaign's offer).
 *
 * @param minimumTotal the basket it needs, inclusive; null: none
 * @param maximumDiscount a cap on the discount of one order; null: none
 * @param usageLimit uses over all customers; null: unlimited
 * @param perCustomerLimit uses per customer; null: unlimited
 * @param validity when it runs (the simulation replays the past 90 days whatever it says; see {@link Simulation.Cost})
 */
public record OfferTerms(
        OfferTarget target,
        OfferDiscount discount,
        Money minimumTotal,
        Money maximumDiscount,
        Integer usageLimit,
        Integer perCustomerLimit,
        Validity validity) {

    public OfferTerms {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(discount, "discount");
        requireNotNegative(minimumTotal, "minimum_total");
        requireNotNegative(maximumDiscount, "maximum_discount");
        requirePositive(usageLimit, "usage_limit");
        requirePositive(perCustomerLimit, "per_customer_limit");
        validity = validity == null ? Validity.always() : validity;
    }

    /** A policy's groups, validity and kind (only percent and amount off have a cost the simulator prices). */
    public static OfferTerms of(Policy policy) {
        PolicyRule rule = policy.rule();
        OfferDiscount discount;
        Money minimum = null;
        if (rule instanceof PolicyRule.PercentOff p) {
            discount = new OfferDiscount.PercentOff(p.percent());
            minimum = p.minimumTotal();
        } else if (rule instanceof PolicyRule.AmountOff a) {
            discount = new OfferDiscount.AmountOff(a.amount());
            minimum = a.minimumTotal();
        } else if (rule instanceof PolicyRule.FreeShipping f) {
            discount = new OfferDiscount.FreeShipping();
            minimum = f.minimumTotal();
        } else if (rule instanceof PolicyRule.BuyXGetY) {
            discount = new OfferDiscount.FreeItems();
        } else {
            discount = new OfferDiscount.NoDiscount();
        }
        return new OfferTerms(
                new OfferTarget.Groups(policy.eligible()), discount, minimum, null, null, null, policy.validity());
    }

    /** A coupon's groups, benefit, minimum, cap, limits and validity, as if every eligible order carried it. */
    public static OfferTerms of(Coupon coupon) {
        OfferDiscount discount;
        if (coupon.benefit() instanceof CouponBenefit.PercentOff p) {
            discount = new OfferDiscount.PercentOff(p.percent());
        } else if (coupon.benefit() instanceof CouponBenefit.AmountOff a) {
            discount = new OfferDiscount.AmountOff(a.amount());
        } else {
            discount = new OfferDiscount.FreeShipping();
        }
        return new OfferTerms(
                new OfferTarget.Groups(coupon.eligible()),
                discount,
                coupon.minimumTotal(),
                coupon.maximumDiscount(),
                coupon.usageLimit(),
                coupon.perCustomerLimit(),
                coupon.validity());
    }

    private static void requireNotNegative(Money amount, String what) {
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " is negative");
        }
    }

    private static void requirePositive(Integer limit, String what) {
        if (limit != null && limit < 1) {
            throw new IllegalArgumentException(what + " " + limit + " must be at least 1 (or absent for no limit)");
        }
    }
}
