package io.basira.checkout;

import io.basira.checkout.CheckoutDecision.AppliedOffer;
import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.CheckoutDecision.CouponVerdict;
import io.basira.checkout.CheckoutDecision.FreeShippingVerdict;
import io.basira.checkout.CheckoutDecision.Totals;
import io.basira.checkout.CheckoutPolicies.StorePolicies;
import io.basira.checkout.PolicyRule.FreeShipping;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Use case: decide one checkout — payment methods, carriers, free shipping, automatic offers, the
 * coupon's verdict and the totals — for one customer (or anonymous visitor) and one cart, with the
 * policy behind every answer.
 *
 * <p>A policy is active when "now" (from the clock) is within its validity and the customer's
 * groups are eligible for it. The decision only reads: it reserves no coupon use (see
 * {@link CouponRedemption} for when a use is taken). Precedence and rounding are those of
 * {@link Offers} and {@link CouponCheck}, documented in docs/checkout.md. Thread-safe when its
 * ports are.
 */
public final class EvaluateCheckout {

    private final CheckoutPolicies policies;
    private final Coupons coupons;
    private final CustomerGroups groups;
    private final CheckoutLoyalty loyalty;
    private final Clock clock;

    public EvaluateCheckout(CheckoutPolicies policies, Coupons coupons, CustomerGroups groups, Clock clock) {
        this(policies, coupons, groups, CheckoutLoyalty.NONE, clock);
    }

    /** With loyalty: the decision shows the points the order would earn, and a tier's free shipping applies. */
    public EvaluateCheckout(
            CheckoutPolicies policies, Coupons coupons, CustomerGroups groups, CheckoutLoyalty loyalty, Clock clock) {
        this.policies = policies;
        this.coupons = coupons;
        this.groups = groups;
        this.loyalty = loyalty;
        this.clock = clock;
    }

    /**
     * @throws IllegalArgumentException when an amount of the request is not in the store's currency
     */
    public CheckoutDecision decide(Store store, CheckoutRequest request) {
        requireCurrency(store, request);
        Instant now = clock.instant();
        Set<String> memberOf = Set.copyOf(groups.groupsOf(store.id(), request.customerId()));
        StorePolicies setup = policies.of(store.id());
        List<Policy> active = setup.policies().stream()
                .filter(p -> p.validity().contains(now) && p.eligible().includes(memberOf))
                .toList();
        Availability.Payments payments = Availability.payments(setup.catalogue(), active);
        Availability.Carriers carriers = Availability.carriers(setup.catalogue(), active);
        List<AppliedOffer> offers = Offers.apply(request, active);
        Money subtotal = request.subtotal();
        Money offersDiscount = Money.zero(store.currency());
        for (AppliedOffer offer : offers) {
            offersDiscount = offersDiscount.plus(offer.amount());
        }
        Money afterOffers = subtotal.minus(offersDiscount);
        CouponVerdict coupon = request.couponCode() == null
                ? null
                : CouponCheck.verdict(
                        request.couponCode(),
                        findCoupon(store, request),
                        memberOf,
                        request.isAnonymous(),
                        subtotal,
                        afterOffers,
                        now);
        Money couponDiscount = coupon == null ? Money.zero(store.currency()) : coupon.discount();
        LoyaltyQuote quote = request.isAnonymous()
                ? null
                : loyalty.quote(store.id(), request.customerId(), afterOffers.minus(couponDiscount))
                        .orElse(null);
        FreeShippingVerdict freeShipping = freeShipping(active, subtotal, coupon, quote);
        Money shipping = freeShipping.free() ? Money.zero(store.currency()) : request.shippingFee();
        Totals totals = new Totals(
                subtotal,
                offersDiscount,
                couponDiscount,
                shipping,
                afterOffers.minus(couponDiscount).plus(shipping));
        return new CheckoutDecision(
                memberOf,
                payments.offered(),
                payments.hidden(),
                carriers.offered(),
                carriers.hidden(),
                freeShipping,
                offers,
                coupon,
                totals,
                quote);
    }

    private Optional<CouponState> findCoupon(Store store, CheckoutRequest request) {
        return coupons.find(store.id(), Coupon.normalize(request.couponCode()), request.customerId());
    }

    private static FreeShippingVerdict freeShipping(
            List<Policy> active, Money subtotal, CouponVerdict coupon, LoyaltyQuote quote) {
        List<Because> because = new ArrayList<>();
        for (Policy policy : active) {
            if (policy.rule() instanceof FreeShipping free && Amounts.reaches(subtotal, free.minimumTotal())) {
                because.add(Because.of(policy));
            }
        }
        String byCoupon = coupon != null && coupon.freeShipping() ? coupon.code() : null;
        String byTier = quote != null && quote.tierFreeShipping() ? quote.tier() : null;
        return new FreeShippingVerdict(
                !because.isEmpty() || byCoupon != null || byTier != null, List.copyOf(because), byCoupon, byTier);
    }

    private static void requireCurrency(Store store, CheckoutRequest request) {
        if (!request.shippingFee().currency().equals(store.currency())) {
            throw new IllegalArgumentException("shipping_fee is not in the store's currency " + store.currency());
        }
        for (CartItem item : request.items()) {
            if (!item.unitPrice().currency().equals(store.currency())) {
                throw new IllegalArgumentException("items: product '" + item.productId()
                        + "': unit_price is not in the store's currency " + store.currency());
            }
        }
    }
}
