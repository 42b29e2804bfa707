package io.basira.checkout;

import io.basira.checkout.CheckoutDecision.AppliedOffer;
import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.PolicyRule.AmountOff;
import io.basira.checkout.PolicyRule.BuyXGetY;
import io.basira.checkout.PolicyRule.CartOffer;
import io.basira.checkout.PolicyRule.PercentOff;
import io.basira.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The automatic offers of one cart, in the documented precedence (docs/checkout.md):
 *
 * <ol>
 *   <li>item offers (buy X get Y): on each line, the one active offer that frees the most; offers
 *       on different lines add up;
 *   <li>cart offers (percent or amount off above a minimum): only the single largest applies,
 *       computed on what the item offers left; its minimum is compared with the subtotal before
 *       any discount;
 * </ol>
 *
 * Ties go to the policy listed first. Percentages round half-up to the minor unit; no discount
 * exceeds the amount it applies to.
 */
final class Offers {

    private Offers() {}

    /** The offers that apply to {@code request} among {@code active} policies, in application order. */
    static List<AppliedOffer> apply(CheckoutRequest request, List<Policy> active) {
        List<AppliedOffer> applied = new ArrayList<>(itemOffers(request, active));
        Money subtotal = request.subtotal();
        Money left = subtotal;
        for (AppliedOffer offer : applied) {
            left = left.minus(offer.amount());
        }
        Policy best = null;
        Money bestAmount = Money.zero(subtotal.currency());
        for (Policy policy : active) {
            if (policy.rule() instanceof CartOffer offer && Amounts.reaches(subtotal, offer.minimumTotal())) {
                Money amount = cartDiscount(offer, left);
                if (amount.compareTo(bestAmount) > 0) {
                    best = policy;
                    bestAmount = amount;
                }
            }
        }
        if (best != null) {
            applied.add(new AppliedOffer(Because.of(best), bestAmount));
        }
        return applied;
    }

    private static List<AppliedOffer> itemOffers(CheckoutRequest request, List<Policy> active) {
        Map<Policy, Money> byPolicy = new LinkedHashMap<>();
        for (CartItem item : request.items()) {
            Policy best = null;
            Money bestAmount = Money.zero(item.unitPrice().currency());
            for (Policy policy : active) {
                if (policy.rule() instanceof BuyXGetY offer && offer.appliesTo(item.productId())) {
                    Money amount = freeUnits(offer, item);
                    if (amount.compareTo(bestAmount) > 0) {
                        best = policy;
                        bestAmount = amount;
                    }
                }
            }
            if (best != null) {
                byPolicy.merge(best, bestAmount, Money::plus);
            }
        }
        List<AppliedOffer> applied = new ArrayList<>();
        for (Policy policy : active) {
            Money amount = byPolicy.get(policy);
            if (amount != null) {
                applied.add(new AppliedOffer(Because.of(policy), amount));
            }
        }
        return applied;
    }

    /** The value of the free units of a line: of every buy + get units, get are free. */
    static Money freeUnits(BuyXGetY offer, CartItem item) {
        long free = item.quantity() / ((long) offer.buy() + offer.get()) * offer.get();
        return Money.ofMinor(
                Math.multiplyExact(free, item.unitPrice().minor()),
                item.unitPrice().currency());
    }

    private static Money cartDiscount(CartOffer offer, Money base) {
        if (offer instanceof PercentOff percent) {
            return Amounts.percentOf(base, percent.percent());
        }
        return Amounts.min(((AmountOff) offer).amount(), base);
    }
}
