package io.basira.checkout;

import io.basira.shared.Money;
import java.util.List;
import java.util.Set;

/**
 * The answer to one checkout, with the reason for everything it withholds or gives.
 *
 * @param groups the customer's groups the decision was made with
 * @param paymentMethods offered, in catalogue order
 * @param hiddenPaymentMethods each method withheld and the first policy (in policy order) that hid it
 * @param carriers offered, in catalogue order, each with the policy that offered it (null: offered to everyone)
 * @param hiddenCarriers each catalogue carrier withheld and why
 * @param loyalty the points this order would earn and what the customer can redeem; null without a program
 */
public record CheckoutDecision(
        Set<String> groups,
        List<String> paymentMethods,
        List<Withheld> hiddenPaymentMethods,
        List<OfferedCarrier> carriers,
        List<Withheld> hiddenCarriers,
        FreeShippingVerdict freeShipping,
        List<AppliedOffer> offers,
        CouponVerdict coupon,
        Totals totals,
        LoyaltyQuote loyalty) {

    /** Why a policy is the reason for something: its id and name. */
    public record Because(String policyId, String policyName) {
        static Because of(Policy policy) {
            return new Because(policy.id(), policy.name());
        }
    }

    /** A code withheld; {@code because} is null when it is simply not offered to everyone. */
    public record Withheld(String code, Because because) {}

    public record OfferedCarrier(String code, Because because) {}

    /**
     * Whether shipping is free; the policies (and coupon, by code, and loyalty tier, by name) that made it so,
     * empty when not free.
     */
    public record FreeShippingVerdict(boolean free, List<Because> policies, String coupon, String loyaltyTier) {}

    /** An automatic offer that applied and the discount it gave (positive). */
    public record AppliedOffer(Because policy, Money amount) {}

    /**
     * The verdict on the coupon code entered; null when none was.
     *
     * @param discount the discount it gave on the items (zero when not valid or free shipping)
     */
    public record CouponVerdict(String code, CouponReason reason, Money discount, boolean freeShipping) {
        public boolean valid() {
            return reason == CouponReason.VALID;
        }
    }

    /**
     * The amounts after discounts: {@code total = subtotal - offersDiscount - couponDiscount + shipping},
     * never negative.
     */
    public record Totals(Money subtotal, Money offersDiscount, Money couponDiscount, Money shipping, Money total) {
        public Money discount() {
            return offersDiscount.plus(couponDiscount);
        }
    }
}
