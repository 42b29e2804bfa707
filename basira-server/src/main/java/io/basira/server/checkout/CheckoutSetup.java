package io.basira.server.checkout;

import io.basira.checkout.Catalogue;
import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutRequest;
import io.basira.checkout.EvaluateCheckout;
import io.basira.checkout.Policy;
import io.basira.server.checkout.api.CatalogueRequest;
import io.basira.server.checkout.api.CheckoutJson;
import io.basira.server.checkout.api.CouponRequest;
import io.basira.server.checkout.api.DecisionJson;
import io.basira.server.checkout.api.DecisionRequest;
import io.basira.server.checkout.api.PolicyRequest;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.dashboard.StoreCatalogues;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.server.platform.errors.NotFound;
import io.basira.shared.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The checkout setup, the application service the API's controllers and the dashboard's pages both call with
 * the same typed requests ({@link PolicyRequest}, {@link CouponRequest}, {@link CatalogueRequest},
 * {@link DecisionRequest}): the same reading, audited changes and decisions (docs/checkout.md). Changes by a
 * dashboard user are audited with the actor {@code dashboard:<e-mail>}, the API's with the key.
 *
 * <p>Every method that reads a definition throws {@link InvalidRecords} with the message the API answers ({@code minimum_total: '1.005' has more than 2 decimals for SAR}); {@link NotFound}
 * when the policy or coupon does not exist. Thread-safe.
 */
public final class CheckoutSetup implements StoreCatalogues {

    /** A coupon as listed: its terms (the API's JSON) and the uses counted so far. */
    public record ListedCoupon(Map<String, Object> terms, int used, int overLimit) {}

    private final JdbcCheckoutPolicies policies;
    private final JdbcCoupons coupons;
    private final CheckoutChanges changes;
    private final JdbcCheckoutAudit audit;
    private final EvaluateCheckout evaluate;

    public CheckoutSetup(
            JdbcCheckoutPolicies policies,
            JdbcCoupons coupons,
            CheckoutChanges changes,
            JdbcCheckoutAudit audit,
            EvaluateCheckout evaluate) {
        this.policies = policies;
        this.coupons = coupons;
        this.changes = changes;
        this.audit = audit;
        this.evaluate = evaluate;
    }

    /** The store's policies in evaluation (creation) order, as the API lists them. */
    public List<Map<String, Object>> policies(Store store) {
        return policies.of(store.id()).policies().stream()
                .map(CheckoutJson::json)
                .toList();
    }

    public Optional<Map<String, Object>> policy(Store store, long id) {
        return policies.of(store.id()).policies().stream()
                .filter(p -> p.id().equals(Long.toString(id)))
                .findFirst()
                .map(CheckoutJson::json);
    }

    /** Creates a policy for a dashboard user; returns it with its id and the catalogue warnings. */
    public Map<String, Object> createPolicy(Store store, String user, PolicyRequest body) {
        return createPolicy(store, actor(user), body);
    }

    public Map<String, Object> createPolicy(Store store, JdbcCheckoutAudit.Actor actor, PolicyRequest body) {
        Policy policy = read(() -> CheckoutJson.policy("new", body, store.currency()));
        return withWarnings(store, policy, changes.createPolicy(store, actor, policy));
    }

    public Map<String, Object> updatePolicy(Store store, String user, long id, PolicyRequest body) {
        return updatePolicy(store, actor(user), id, body);
    }

    public Map<String, Object> updatePolicy(Store store, JdbcCheckoutAudit.Actor actor, long id, PolicyRequest body) {
        Policy policy = read(() -> CheckoutJson.policy(Long.toString(id), body, store.currency()));
        return withWarnings(store, policy, changes.updatePolicy(store, actor, id, policy));
    }

    public void deletePolicy(Store store, String user, long id) {
        changes.deletePolicy(store, actor(user), id);
    }

    public List<ListedCoupon> coupons(Store store) {
        return coupons.list(store.id()).stream()
                .map(l -> new ListedCoupon(CheckoutJson.json(l.coupon()), l.used(), l.overLimit()))
                .toList();
    }

    public Optional<ListedCoupon> coupon(Store store, String code) {
        return coupons.get(store.id(), code)
                .map(l -> new ListedCoupon(CheckoutJson.json(l.coupon()), l.used(), l.overLimit()));
    }

    public Map<String, Object> createCoupon(Store store, String user, CouponRequest body) {
        return createCoupon(store, actor(user), body);
    }

    public Map<String, Object> createCoupon(Store store, JdbcCheckoutAudit.Actor actor, CouponRequest body) {
        return changes.createCoupon(store, actor, read(() -> CheckoutJson.coupon(body, store.currency())));
    }

    /** Changes a coupon's terms; the code in {@code body} is replaced by {@code code} (a code never changes). */
    public Map<String, Object> updateCoupon(Store store, String user, String code, CouponRequest body) {
        return updateCoupon(store, actor(user), code, body);
    }

    public Map<String, Object> updateCoupon(
            Store store, JdbcCheckoutAudit.Actor actor, String code, CouponRequest body) {
        return changes.updateCoupon(
                store, actor, read(() -> CheckoutJson.coupon(body.withCode(code), store.currency())));
    }

    public void deleteCoupon(Store store, String user, String code) {
        changes.deleteCoupon(store, actor(user), code);
    }

    @Override
    public Catalogue catalogue(Store store) {
        return policies.of(store.id()).catalogue();
    }

    /** The audit, newest first, at most {@code limit} entries, as {@code GET /api/v1/checkout/audit}. */
    public List<Map<String, Object>> audit(Store store, int limit) {
        return audit.list(store.id(), limit);
    }

    /**
     * A policy as the merchant is writing it, read into the core's terms without saving anything (the offer
     * simulator): a blank name is allowed, as a form being typed has none yet.
     */
    public Policy draftPolicy(Store store, PolicyRequest body) {
        PolicyRequest named = body.name() == null || body.name().isBlank()
                ? new PolicyRequest(
                        "draft",
                        body.kind(),
                        body.groups(),
                        body.validFrom(),
                        body.validUntil(),
                        body.methods(),
                        body.carriers(),
                        body.minimumTotal(),
                        body.percent(),
                        body.amount(),
                        body.buy(),
                        body.get(),
                        body.products())
                : body;
        return read(() -> CheckoutJson.policy("draft", named, store.currency()));
    }

    /** A coupon as the merchant is writing it, without saving anything (the offer simulator); a blank code is allowed. */
    public io.basira.checkout.Coupon draftCoupon(Store store, CouponRequest body) {
        CouponRequest coded = body.code() == null || body.code().isBlank() ? body.withCode("DRAFT") : body;
        return read(() -> CheckoutJson.coupon(coded, store.currency()));
    }

    /** The core's request from a decision request ({@code POST /api/v1/checkout/decisions}). */
    public CheckoutRequest request(Store store, DecisionRequest body) {
        return read(() -> DecisionJson.request(body, store));
    }

    /** Replaces the store's catalogue for a dashboard user (the catalogue page); returns it as saved. */
    public Map<String, Object> saveCatalogue(Store store, String user, CatalogueRequest body) {
        return saveCatalogue(store, actor(user), body);
    }

    /** Replaces the store's catalogue; returns it as saved. */
    public Map<String, Object> saveCatalogue(Store store, JdbcCheckoutAudit.Actor actor, CatalogueRequest body) {
        return changes.saveCatalogue(store, actor, read(() -> CheckoutJson.catalogue(body)));
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

    /** Reads a request into the core's terms; a refusal is {@link InvalidRecords} (a 422 problem in the API). */
    private static <T> T read(Supplier<T> reading) {
        try {
            return reading.get();
        } catch (IllegalArgumentException e) {
            throw new InvalidRecords(List.of(e.getMessage()));
        }
    }

    static JdbcCheckoutAudit.Actor actor(String user) {
        String who = "dashboard:" + user;
        return new JdbcCheckoutAudit.Actor(null, who.length() > 64 ? who.substring(0, 64) : who);
    }
}
