package io.basira.server.checkout.simulation;

import io.basira.checkout.Coupon;
import io.basira.checkout.simulation.OfferDiscount;
import io.basira.checkout.simulation.OfferTarget;
import io.basira.checkout.simulation.OfferTerms;
import io.basira.checkout.simulation.SimulateOffer;
import io.basira.checkout.simulation.Simulation;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.json.JsonConditions;
import io.basira.segment.text.RuleText;
import io.basira.server.checkout.CheckoutSetup;
import io.basira.server.checkout.api.CouponRequest;
import io.basira.server.checkout.api.PolicyRequest;
import io.basira.server.checkout.simulation.api.SimulationRequest;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.shared.Store;
import java.util.List;
import java.util.stream.Stream;

/**
 * The offer simulator as the API and the dashboard's forms call it: reads a {@link SimulationRequest} (a policy or
 * coupon with {@link CheckoutSetup}'s own reading, so the simulation is of exactly what would be saved; an offer
 * as a coupon's terms with groups or a rule) and runs {@link SimulateOffer}. A refusal is {@link InvalidRecords}
 * (422, the message naming the field). Thread-safe.
 */
public final class OfferSimulations {

    private final SimulateOffer simulator;
    private final CheckoutSetup setup;
    private final FieldCatalogue fields;

    public OfferSimulations(SimulateOffer simulator, CheckoutSetup setup, FieldCatalogue fields) {
        this.simulator = simulator;
        this.setup = setup;
        this.fields = fields;
    }

    public Simulation simulate(Store store, SimulationRequest body) {
        long given = Stream.of(body.policy(), body.coupon(), body.offer())
                .filter(x -> x != null)
                .count();
        if (given != 1) {
            throw new InvalidRecords(
                    List.of("give exactly one of 'policy', 'coupon' or 'offer' (" + given + " given)"));
        }
        OfferTerms terms = body.policy() != null
                ? OfferTerms.of(setup.draftPolicy(store, body.policy()))
                : body.coupon() != null
                        ? OfferTerms.of(setup.draftCoupon(store, body.coupon()))
                        : offer(store, body.offer());
        try {
            return simulator.simulate(store, terms);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecords(List.of(e.getMessage()));
        }
    }

    /** The simulation of a policy being edited (the dashboard's form). */
    public Simulation simulate(Store store, PolicyRequest policy) {
        return simulate(store, new SimulationRequest(policy, null, null));
    }

    /** The simulation of a coupon being edited (the dashboard's form). */
    public Simulation simulate(Store store, CouponRequest coupon) {
        return simulate(store, new SimulationRequest(null, coupon, null));
    }

    /** An offer read as a coupon's terms (the same reading and refusals), then aimed at its rule when it has one. */
    private OfferTerms offer(Store store, SimulationRequest.OfferRequest offer) {
        String discount = offer.discount() == null ? "" : offer.discount();
        boolean none = "none".equals(discount);
        if (!none && !List.of("percent_off", "amount_off", "free_shipping").contains(discount)) {
            throw new InvalidRecords(List.of(
                    "offer.discount: '" + discount + "' is not one of percent_off, amount_off, free_shipping, none"));
        }
        Coupon coupon = setup.draftCoupon(
                store,
                new CouponRequest(
                        null,
                        none ? "free_shipping" : discount,
                        offer.percent(),
                        offer.amount(),
                        offer.minimumTotal(),
                        offer.maximumDiscount(),
                        offer.validFrom(),
                        offer.validUntil(),
                        offer.usageLimit(),
                        offer.perCustomerLimit(),
                        offer.groups()));
        OfferTerms terms = OfferTerms.of(coupon);
        Condition rule = rule(offer);
        if (rule != null && offer.groups() != null) {
            throw new InvalidRecords(List.of("offer: give 'groups' or a rule ('rule' or 'rule_json'), not both"));
        }
        OfferTarget target = rule == null ? terms.target() : new OfferTarget.Rule(rule);
        return new OfferTerms(
                target,
                none ? new OfferDiscount.NoDiscount() : terms.discount(),
                terms.minimumTotal(),
                terms.maximumDiscount(),
                terms.usageLimit(),
                terms.perCustomerLimit(),
                terms.validity());
    }

    private Condition rule(SimulationRequest.OfferRequest offer) {
        try {
            if (offer.rule() != null && offer.ruleJson() != null) {
                throw new IllegalArgumentException("give 'rule' (text) or 'rule_json' (a condition tree), not both");
            }
            if (offer.rule() != null) {
                return RuleText.parse(offer.rule(), fields);
            }
            return offer.ruleJson() == null ? null : JsonConditions.fromJson(offer.ruleJson(), fields);
        } catch (IllegalArgumentException e) {
            throw new InvalidRecords(List.of("offer.rule: " + e.getMessage()));
        }
    }
}
