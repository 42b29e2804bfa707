package io.basira.server.checkout.api;

import io.basira.checkout.CartItem;
import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.CheckoutRequest;
import io.basira.checkout.LoyaltyQuote;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.List;

/** The JSON of {@code POST /api/v1/checkout/decisions}: the request read, the decision written. */
public final class DecisionJson {

    private DecisionJson() {}

    /** The core's request from the API's; refusals name the field ({@code items[0].unit_price: ...}). */
    public static CheckoutRequest request(DecisionRequest body, Store store) {
        List<DecisionRequest.Item> listed = body.items() == null ? List.of() : body.items();
        List<CartItem> items = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            String where = "items[" + i + "]";
            DecisionRequest.Item item = listed.get(i);
            if (item == null) {
                throw new IllegalArgumentException(
                        where + ": expected a JSON object {product_id, quantity, unit_price}");
            }
            Integer quantity = RequestValues.whole(where + ".quantity", item.quantity());
            Money price = RequestValues.money(where + ".unit_price", item.unitPrice(), store.currency());
            if (quantity == null || price == null) {
                throw new IllegalArgumentException(where + ": quantity and unit_price are required");
            }
            if (item.productId() == null || item.productId().isBlank()) {
                throw new IllegalArgumentException(where + ".product_id: is required");
            }
            try {
                items.add(new CartItem(item.productId(), quantity, price));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage());
            }
        }
        Money shipping = RequestValues.money("shipping_fee", body.shippingFee(), store.currency());
        DecisionRequest.Address a = body.address();
        CheckoutRequest.Address address =
                a == null ? null : new CheckoutRequest.Address(a.country(), a.region(), a.city());
        return new CheckoutRequest(
                body.customerId(),
                items,
                body.couponCode(),
                shipping == null ? Money.zero(store.currency()) : shipping,
                address);
    }

    /** The decision as {@code POST /api/v1/checkout/decisions} answers it (records: Jackson writes them without a map per object). */
    static CheckoutAnswers.Decision answer(CheckoutRequest request, CheckoutDecision decision) {
        CheckoutDecision.Totals t = decision.totals();
        CheckoutRequest.Address a = request.address();
        return new CheckoutAnswers.Decision(
                request.customerId(),
                request.isAnonymous(),
                decision.groups().stream().sorted().toList(),
                new CheckoutAnswers.Methods(
                        decision.paymentMethods(),
                        decision.hiddenPaymentMethods().stream()
                                .map(w -> new CheckoutAnswers.HiddenMethod(w.code(), because(w.because())))
                                .toList()),
                new CheckoutAnswers.Carriers(
                        decision.carriers().stream()
                                .map(c -> new CheckoutAnswers.OfferedCarrier(c.code(), because(c.because())))
                                .toList(),
                        decision.hiddenCarriers().stream()
                                .map(w -> new CheckoutAnswers.HiddenCarrier(w.code(), because(w.because())))
                                .toList()),
                new CheckoutAnswers.FreeShipping(
                        decision.freeShipping().free(),
                        decision.freeShipping().policies().stream()
                                .map(DecisionJson::because)
                                .toList(),
                        decision.freeShipping().coupon(),
                        decision.freeShipping().loyaltyTier()),
                decision.offers().stream()
                        .map(o -> new CheckoutAnswers.Offer(
                                because(o.policy()), o.amount().toPlainString()))
                        .toList(),
                decision.coupon() == null ? null : coupon(decision.coupon()),
                new CheckoutAnswers.Totals(
                        t.subtotal().currency().getCurrencyCode(),
                        t.subtotal().toPlainString(),
                        t.offersDiscount().toPlainString(),
                        t.couponDiscount().toPlainString(),
                        t.discount().toPlainString(),
                        t.shipping().toPlainString(),
                        t.total().toPlainString()),
                a == null ? null : new DecisionRequest.Address(a.country(), a.region(), a.city()),
                loyalty(decision.loyalty()));
    }

    /** The points the order would earn and what the customer can redeem now; null without a program. */
    private static CheckoutAnswers.DecisionLoyalty loyalty(LoyaltyQuote quote) {
        if (quote == null) {
            return null;
        }
        return new CheckoutAnswers.DecisionLoyalty(
                quote.pointsToEarn(),
                quote.availablePoints(),
                quote.tier(),
                quote.redeemable().stream()
                        .map(r -> new CheckoutAnswers.LoyaltyReward(
                                r.reward(),
                                r.points(),
                                r.value() == null ? null : r.value().toPlainString(),
                                r.productId()))
                        .toList());
    }

    private static CheckoutAnswers.CouponVerdict coupon(CheckoutDecision.CouponVerdict verdict) {
        return new CheckoutAnswers.CouponVerdict(
                verdict.code(),
                verdict.valid(),
                verdict.reason().code(),
                verdict.discount().toPlainString(),
                verdict.freeShipping());
    }

    private static CheckoutAnswers.PolicyRef because(Because because) {
        return because == null ? null : new CheckoutAnswers.PolicyRef(because.policyId(), because.policyName());
    }
}
