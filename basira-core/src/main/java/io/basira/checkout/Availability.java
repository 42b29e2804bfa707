package io.basira.checkout;

import io.basira.checkout.CheckoutDecision.Because;
import io.basira.checkout.CheckoutDecision.OfferedCarrier;
import io.basira.checkout.CheckoutDecision.Withheld;
import io.basira.checkout.PolicyRule.HideCarriers;
import io.basira.checkout.PolicyRule.HidePaymentMethods;
import io.basira.checkout.PolicyRule.OfferCarriers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which payment methods and carriers a customer is offered, from the catalogue and the active
 * policies. Hiding wins over offering; the reason named is the first policy, in policy order.
 */
final class Availability {

    /** Payment methods offered and withheld. */
    record Payments(List<String> offered, List<Withheld> hidden) {}

    /** Carriers offered and withheld. */
    record Carriers(List<OfferedCarrier> offered, List<Withheld> hidden) {}

    private Availability() {}

    static Payments payments(Catalogue catalogue, List<Policy> active) {
        Map<String, Because> hiddenBy = new LinkedHashMap<>();
        for (Policy policy : active) {
            if (policy.rule() instanceof HidePaymentMethods hide) {
                hide.methods().forEach(m -> hiddenBy.putIfAbsent(m, Because.of(policy)));
            }
        }
        List<String> offered = new ArrayList<>();
        List<Withheld> hidden = new ArrayList<>();
        for (Catalogue.PaymentMethod method : catalogue.paymentMethods()) {
            Because because = hiddenBy.get(method.code());
            if (because == null) {
                offered.add(method.code());
            } else {
                hidden.add(new Withheld(method.code(), because));
            }
        }
        return new Payments(offered, hidden);
    }

    static Carriers carriers(Catalogue catalogue, List<Policy> active) {
        Map<String, Because> offeredBy = new LinkedHashMap<>();
        Map<String, Because> hiddenBy = new LinkedHashMap<>();
        for (Policy policy : active) {
            if (policy.rule() instanceof OfferCarriers offer) {
                offer.carriers().forEach(c -> offeredBy.putIfAbsent(c, Because.of(policy)));
            } else if (policy.rule() instanceof HideCarriers hide) {
                hide.carriers().forEach(c -> hiddenBy.putIfAbsent(c, Because.of(policy)));
            }
        }
        List<OfferedCarrier> offered = new ArrayList<>();
        List<Withheld> hidden = new ArrayList<>();
        for (Catalogue.Carrier carrier : catalogue.carriers()) {
            String code = carrier.code();
            if (hiddenBy.containsKey(code)) {
                hidden.add(new Withheld(code, hiddenBy.get(code)));
            } else if (carrier.offeredToEveryone()) {
                offered.add(new OfferedCarrier(code, null));
            } else if (offeredBy.containsKey(code)) {
                offered.add(new OfferedCarrier(code, offeredBy.get(code)));
            } else {
                hidden.add(new Withheld(code, null));
            }
        }
        return new Carriers(offered, hidden);
    }
}
