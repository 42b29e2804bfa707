package io.basira.checkout;

import io.basira.checkout.CheckoutDecision.CouponVerdict;
import io.basira.shared.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * The verdict on a coupon code for one customer and cart, and the discount it gives.
 *
 * <p>Checks run in the order of {@link CouponReason}; the first failing one is the reason. Use
 * limits are read as counted when the decision is made: the decision reserves nothing, the use is
 * taken (under a database guard) when the order carrying the code arrives.
 */
final class CouponCheck {

    private CouponCheck() {}

    /**
     * @param afterOffers what is left of the subtotal after automatic offers: the base of the discount
     */
    static CouponVerdict verdict(
            String enteredCode,
            Optional<CouponState> found,
            Set<String> groups,
            boolean anonymous,
            Money subtotal,
            Money afterOffers,
            Instant now) {
        String code = Coupon.normalize(enteredCode);
        Money none = Money.zero(subtotal.currency());
        if (found.isEmpty()) {
            return new CouponVerdict(code, CouponReason.NOT_FOUND, none, false);
        }
        CouponState state = found.get();
        Coupon coupon = state.coupon();
        CouponReason reason = reason(state, groups, anonymous, subtotal, now);
        if (reason != CouponReason.VALID) {
            return new CouponVerdict(coupon.code(), reason, none, false);
        }
        if (coupon.benefit() instanceof CouponBenefit.FreeShipping) {
            return new CouponVerdict(coupon.code(), reason, none, true);
        }
        return new CouponVerdict(coupon.code(), reason, discount(coupon, afterOffers), false);
    }

    private static CouponReason reason(
            CouponState state, Set<String> groups, boolean anonymous, Money subtotal, Instant now) {
        Coupon coupon = state.coupon();
        if (!coupon.validity().hasStarted(now)) {
            return CouponReason.NOT_STARTED;
        }
        if (coupon.validity().hasEnded(now)) {
            return CouponReason.EXPIRED;
        }
        if (!coupon.eligible().includes(groups)) {
            return CouponReason.NOT_ELIGIBLE;
        }
        if (!Amounts.reaches(subtotal, coupon.minimumTotal())) {
            return CouponReason.MIN_TOTAL_NOT_MET;
        }
        if (coupon.usageLimit() != null && state.used() >= coupon.usageLimit()) {
            return CouponReason.USAGE_LIMIT_REACHED;
        }
        if (!anonymous && coupon.perCustomerLimit() != null && state.usedByCustomer() >= coupon.perCustomerLimit()) {
            return CouponReason.ALREADY_USED;
        }
        return CouponReason.VALID;
    }

    private static Money discount(Coupon coupon, Money base) {
        Money amount = coupon.benefit() instanceof CouponBenefit.PercentOff percent
                ? Amounts.percentOf(base, percent.percent())
                : ((CouponBenefit.AmountOff) coupon.benefit()).amount();
        if (coupon.maximumDiscount() != null) {
            amount = Amounts.min(amount, coupon.maximumDiscount());
        }
        return Amounts.min(amount, base);
    }
}
