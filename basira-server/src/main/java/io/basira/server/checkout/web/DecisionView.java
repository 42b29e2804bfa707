package io.basira.server.checkout.web;

import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.CheckoutRequest;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.DisplayNames;
import io.basira.shared.Money;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A checkout decision as the simulator shows it: codes named from the store's catalogue and groups by their
 * names ({@link DisplayNames}), every reason
 * as the policy's name, amounts formatted for the reader in the store's currency.
 *
 * @param policy the name of the policy behind a line, null when none (e.g. a carrier for everyone)
 */
public record DecisionView(
        String customerId,
        boolean anonymous,
        List<String> groups,
        List<Line> paymentMethods,
        List<Line> hiddenPaymentMethods,
        List<Line> carriers,
        List<Line> hiddenCarriers,
        boolean freeShipping,
        List<String> freeShippingPolicies,
        String freeShippingCoupon,
        List<Line> offers,
        Coupon coupon,
        Totals totals) {

    /** A code (or amount) and the policy behind it. */
    public record Line(String code, String name, String policy, String amount) {}

    /** The coupon's verdict; {@code reason} is the API's code ({@code not_eligible}). */
    public record Coupon(String code, boolean valid, String reason, String discount, boolean freeShipping) {}

    public record Totals(
            String subtotal, String offersDiscount, String couponDiscount, String shipping, String total) {}

    static DecisionView of(CheckoutRequest request, CheckoutDecision d, DisplayNames names, DashboardFormats fmt) {
        CheckoutDecision.Totals t = d.totals();
        CheckoutDecision.CouponVerdict c = d.coupon();
        return new DecisionView(
                request.customerId(),
                request.isAnonymous(),
                d.groups().stream().map(names::group).sorted().toList(),
                d.paymentMethods().stream()
                        .map(code -> line(code, names::method, null, null))
                        .toList(),
                d.hiddenPaymentMethods().stream()
                        .map(w -> line(w.code(), names::method, w.because(), null))
                        .toList(),
                d.carriers().stream()
                        .map(o -> line(o.code(), names::carrier, o.because(), null))
                        .toList(),
                d.hiddenCarriers().stream()
                        .map(w -> line(w.code(), names::carrier, w.because(), null))
                        .toList(),
                d.freeShipping().free(),
                d.freeShipping().policies().stream().map(Because::policyName).toList(),
                d.freeShipping().coupon(),
                d.offers().stream()
                        .map(o -> line(o.policy().policyId(), code -> code, o.policy(), money(o.amount(), fmt)))
                        .toList(),
                c == null
                        ? null
                        : new Coupon(
                                c.code(), c.valid(), c.reason().code(), money(c.discount(), fmt), c.freeShipping()),
                new Totals(
                        money(t.subtotal(), fmt),
                        money(t.offersDiscount(), fmt),
                        money(t.couponDiscount(), fmt),
                        money(t.shipping(), fmt),
                        money(t.total(), fmt)));
    }

    private static Line line(String code, UnaryOperator<String> name, Because because, String amount) {
        return new Line(code, name.apply(code), because == null ? null : because.policyName(), amount);
    }

    private static String money(Money money, DashboardFormats fmt) {
        return fmt.money(money.minor());
    }
}
