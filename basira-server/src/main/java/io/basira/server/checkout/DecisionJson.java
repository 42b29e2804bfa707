package io.basira.server.checkout;

import io.basira.checkout.CartItem;
import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.LoyaltyQuote;
import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.CheckoutDecision.Withheld;
import io.basira.checkout.CheckoutRequest;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of {@code POST /api/v1/checkout/decisions}: the request read, the decision written. */
final class DecisionJson {

    private DecisionJson() {}

    /** The core's request from the API's; refusals name the field ({@code items[0].unit_price: ...}). */
    static CheckoutRequest request(DecisionRequest body, Store store) {
        List<DecisionRequest.Item> listed = body.items() == null ? List.of() : body.items();
        List<CartItem> items = new ArrayList<>(listed.size());
        for (int i = 0; i < listed.size(); i++) {
            String where = "items[" + i + "]";
            DecisionRequest.Item item = listed.get(i);
            if (item == null) {
                throw new IllegalArgumentException(where + ": expected a JSON object {product_id, quantity, unit_price}");
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
        CheckoutRequest.Address address = a == null ? null : new CheckoutRequest.Address(a.country(), a.region(), a.city());
        return new CheckoutRequest(body.customerId(), items, body.couponCode(),
                shipping == null ? Money.zero(store.currency()) : shipping, address);
    }

    static Map<String, Object> json(CheckoutRequest request, CheckoutDecision decision) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("customer_id", request.customerId());
        json.put("anonymous", request.isAnonymous());
        json.put("groups", decision.groups().stream().sorted().toList());
        json.put("payment_methods", pair(decision.paymentMethods(),
                decision.hiddenPaymentMethods().stream().map(w -> withheld("method", w)).toList()));
        json.put("carriers", pair(decision.carriers().stream().map(c -> {
            Map<String, Object> carrier = new LinkedHashMap<>();
            carrier.put("carrier", c.code());
            carrier.put("policy", because(c.because()));
            return carrier;
        }).toList(), decision.hiddenCarriers().stream().map(w -> withheld("carrier", w)).toList()));
        Map<String, Object> free = new LinkedHashMap<>();
        free.put("free", decision.freeShipping().free());
        free.put("policies", decision.freeShipping().policies().stream().map(DecisionJson::because).toList());
        free.put("coupon", decision.freeShipping().coupon());
        free.put("loyalty_tier", decision.freeShipping().loyaltyTier());
        json.put("free_shipping", free);
        json.put("offers", decision.offers().stream().map(o -> {
            Map<String, Object> offer = new LinkedHashMap<>();
            offer.put("policy", because(o.policy()));
            offer.put("amount", o.amount().toPlainString());
            return offer;
        }).toList());
        json.put("coupon", decision.coupon() == null ? null : coupon(decision.coupon()));
        CheckoutDecision.Totals t = decision.totals();
        Map<String, Object> totals = new LinkedHashMap<>();
        totals.put("currency", t.subtotal().currency().getCurrencyCode());
        totals.put("subtotal", t.subtotal().toPlainString());
        totals.put("offers_discount", t.offersDiscount().toPlainString());
        totals.put("coupon_discount", t.couponDiscount().toPlainString());
        totals.put("discount", t.discount().toPlainString());
        totals.put("shipping", t.shipping().toPlainString());
        totals.put("total", t.total().toPlainString());
        json.put("totals", totals);
        json.put("address", request.address());
        json.put("loyalty", loyalty(decision.loyalty()));
        return json;
    }

    /** The points the order would earn and what the customer can redeem now; null without a program. */
    private static Map<String, Object> loyalty(LoyaltyQuote quote) {
        if (quote == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("points_to_earn", quote.pointsToEarn());
        json.put("available_points", quote.availablePoints());
        json.put("tier", quote.tier());
        json.put("redeemable", quote.redeemable().stream().map(r -> {
            Map<String, Object> reward = new LinkedHashMap<>();
            reward.put("reward", r.reward());
            reward.put("points", r.points());
            reward.put("value", r.value() == null ? null : r.value().toPlainString());
            reward.put("product_id", r.productId());
            return reward;
        }).toList());
        return json;
    }

    /** {"offered": [...], "hidden": [...]} in that order. */
    private static Map<String, Object> pair(List<?> offered, List<?> hidden) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("offered", offered);
        json.put("hidden", hidden);
        return json;
    }

    private static Map<String, Object> coupon(CheckoutDecision.CouponVerdict verdict) {
        Map<String, Object> coupon = new LinkedHashMap<>();
        coupon.put("code", verdict.code());
        coupon.put("valid", verdict.valid());
        coupon.put("reason", verdict.reason().code());
        coupon.put("discount", verdict.discount().toPlainString());
        coupon.put("free_shipping", verdict.freeShipping());
        return coupon;
    }

    private static Map<String, Object> withheld(String key, Withheld withheld) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(key, withheld.code());
        json.put("policy", because(withheld.because()));
        return json;
    }

    private static Map<String, Object> because(Because because) {
        if (because == null) {
            return null;
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", because.policyId());
        json.put("name", because.policyName());
        return json;
    }
}
