package io.basira.server.checkout;

import io.basira.checkout.Catalogue;
import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutRequest;
import io.basira.checkout.EvaluateCheckout;
import io.basira.checkout.Policy;
import io.basira.server.api.ApiErrors.NotFound;
import io.basira.shared.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checkout setup as the dashboard uses it: the same JSON shapes, validation, audited changes and
 * decisions as the API (docs/checkout.md), for a signed-in user instead of an API key. Changes are
 * audited with the actor {@code dashboard:<e-mail>}.
 *
 * <p>Every method that reads a definition throws {@link IllegalArgumentException} with the message the
 * API would answer ({@code minimum_total: '1.005' has more than 2 decimals for SAR}); {@link NotFound}
 * when the policy or coupon does not exist. Thread-safe.
 */
public final class CheckoutSetup {

    /** A coupon as listed: its terms (the API's JSON) and the uses counted so far. */
    public record ListedCoupon(Map<String, Object> terms, int used, int overLimit) {}

    private final JdbcCheckoutPolicies policies;
    private final JdbcCoupons coupons;
    private final CheckoutChanges changes;
    private final JdbcCheckoutAudit audit;
    private final EvaluateCheckout evaluate;

    public CheckoutSetup(JdbcCheckoutPolicies policies, JdbcCoupons coupons, CheckoutChanges changes,
            JdbcCheckoutAudit audit, EvaluateCheckout evaluate) {
        this.policies = policies;
        this.coupons = coupons;
        this.changes = changes;
        this.audit = audit;
        this.evaluate = evaluate;
    }

    /** The store's policies in evaluation (creation) order, as the API lists them. */
    public List<Map<String, Object>> policies(Store store) {
        return policies.of(store.id()).policies().stream().map(CheckoutJson::json).toList();
    }

    public Optional<Map<String, Object>> policy(Store store, long id) {
        return policies.of(store.id()).policies().stream().filter(p -> p.id().equals(Long.toString(id))).findFirst()
                .map(CheckoutJson::json);
    }

    /** Creates a policy from the API's JSON; returns it with its id and the catalogue warnings. */
    public Map<String, Object> createPolicy(Store store, String user, Map<String, Object> body) {
        Policy policy = CheckoutJson.policy("new", body, store.currency());
        return withWarnings(store, policy, changes.createPolicy(store, actor(user), policy));
    }

    public Map<String, Object> updatePolicy(Store store, String user, long id, Map<String, Object> body) {
        Policy policy = CheckoutJson.policy(Long.toString(id), body, store.currency());
        return withWarnings(store, policy, changes.updatePolicy(store, actor(user), id, policy));
    }

    public void deletePolicy(Store store, String user, long id) {
        changes.deletePolicy(store, actor(user), id);
    }

    public List<ListedCoupon> coupons(Store store) {
        return coupons.list(store.id()).stream()
                .map(l -> new ListedCoupon(CheckoutJson.json(l.coupon()), l.used(), l.overLimit())).toList();
    }

    public Optional<ListedCoupon> coupon(Store store, String code) {
        return coupons.get(store.id(), code)
                .map(l -> new ListedCoupon(CheckoutJson.json(l.coupon()), l.used(), l.overLimit()));
    }

    public Map<String, Object> createCoupon(Store store, String user, Map<String, Object> body) {
        return changes.createCoupon(store, actor(user), CheckoutJson.coupon(body, store.currency()));
    }

    /** Changes a coupon's terms; the code in {@code body} is replaced by {@code code} (a code never changes). */
    public Map<String, Object> updateCoupon(Store store, String user, String code, Map<String, Object> body) {
        Map<String, Object> terms = new LinkedHashMap<>(body);
        terms.put("code", code);
        return changes.updateCoupon(store, actor(user), CheckoutJson.coupon(terms, store.currency()));
    }

    public void deleteCoupon(Store store, String user, String code) {
        changes.deleteCoupon(store, actor(user), code);
    }

    public Catalogue catalogue(Store store) {
        return policies.of(store.id()).catalogue();
    }

    /** The audit, newest first, at most {@code limit} entries, as {@code GET /api/v1/checkout/audit}. */
    public List<Map<String, Object>> audit(Store store, int limit) {
        return audit.list(store.id(), limit);
    }

    /** Reads a decision request in the JSON of {@code POST /api/v1/checkout/decisions}. */
    public CheckoutRequest request(Store store, Map<String, Object> body) {
        return DecisionJson.request(body, store);
    }

    /** The decision for one customer (or anonymous visitor) and cart; only reads. */
    public CheckoutDecision decide(Store store, CheckoutRequest request) {
        return evaluate.decide(store, request);
    }

    private Map<String, Object> withWarnings(Store store, Policy policy, Map<String, Object> saved) {
        Map<String, Object> json = new LinkedHashMap<>(saved);
        json.put("warnings", catalogue(store).unknownCodes(policy));
        return json;
    }

    private static JdbcCheckoutAudit.Actor actor(String user) {
        String who = "dashboard:" + user;
        return new JdbcCheckoutAudit.Actor(null, who.length() > 64 ? who.substring(0, 64) : who);
    }
}
