package io.basira.server.checkout;

import io.basira.checkout.Catalogue;
import io.basira.checkout.Coupon;
import io.basira.checkout.Policy;
import io.basira.server.checkout.api.CheckoutJson;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit.Actor;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.errors.NotFound;
import io.basira.shared.Store;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every change to a store's checkout setup, each in one transaction with its audit entry: the change
 * and the record of who made it commit together or not at all.
 */
public final class CheckoutChanges {

    private final JdbcCheckoutPolicies policies;
    private final JdbcCoupons coupons;
    private final JdbcCheckoutAudit audit;
    private final TransactionTemplate transaction;

    public CheckoutChanges(
            JdbcCheckoutPolicies policies,
            JdbcCoupons coupons,
            JdbcCheckoutAudit audit,
            TransactionTemplate transaction) {
        this.policies = policies;
        this.coupons = coupons;
        this.audit = audit;
        this.transaction = transaction;
    }

    Map<String, Object> createPolicy(Store store, Actor actor, Policy draft) {
        return inTransaction(() -> {
            long id = policies.create(store, draft);
            Map<String, Object> after = CheckoutJson.json(withId(draft, id));
            audit.record(store.id(), actor, "create", "policy", Long.toString(id), null, after);
            return after;
        });
    }

    Map<String, Object> updatePolicy(Store store, Actor actor, long id, Policy draft) {
        return inTransaction(() -> {
            Map<String, Object> before = policyJson(store, id);
            policies.update(store.id(), id, draft);
            Map<String, Object> after = CheckoutJson.json(withId(draft, id));
            audit.record(store.id(), actor, "update", "policy", Long.toString(id), before, after);
            return after;
        });
    }

    public void deletePolicy(Store store, Actor actor, long id) {
        inTransaction(() -> {
            Map<String, Object> before = policyJson(store, id);
            policies.delete(store.id(), id);
            audit.record(store.id(), actor, "delete", "policy", Long.toString(id), before, null);
            return null;
        });
    }

    Map<String, Object> saveCatalogue(Store store, Actor actor, Catalogue catalogue) {
        return inTransaction(() -> {
            Map<String, Object> before = CheckoutJson.json(policies.catalogue(store.id()));
            policies.saveCatalogue(store.id(), catalogue);
            Map<String, Object> after = CheckoutJson.json(catalogue);
            audit.record(store.id(), actor, "update", "catalogue", store.slug(), before, after);
            return after;
        });
    }

    Map<String, Object> createCoupon(Store store, Actor actor, Coupon coupon) {
        return inTransaction(() -> {
            if (!coupons.create(store, coupon)) {
                throw new IllegalArgumentException("code: this store already has a coupon '" + coupon.code() + "'");
            }
            Map<String, Object> after = CheckoutJson.json(coupon);
            audit.record(store.id(), actor, "create", "coupon", coupon.code(), null, after);
            return after;
        });
    }

    Map<String, Object> updateCoupon(Store store, Actor actor, Coupon coupon) {
        return inTransaction(() -> {
            Map<String, Object> before = couponJson(store, coupon.code());
            coupons.update(store.id(), coupon);
            Map<String, Object> after = CheckoutJson.json(coupon);
            audit.record(store.id(), actor, "update", "coupon", coupon.code(), before, after);
            return after;
        });
    }

    public void deleteCoupon(Store store, Actor actor, String code) {
        inTransaction(() -> {
            Map<String, Object> before = couponJson(store, code);
            coupons.delete(store.id(), code);
            audit.record(store.id(), actor, "delete", "coupon", Coupon.normalize(code), before, null);
            return null;
        });
    }

    private Map<String, Object> policyJson(Store store, long id) {
        JdbcCheckoutPolicies.Row row =
                policies.row(store.id(), id).orElseThrow(() -> new NotFound("this store has no checkout policy " + id));
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("id", Long.toString(id));
        json.putAll(row.definition());
        return json;
    }

    private Map<String, Object> couponJson(Store store, String code) {
        return coupons.get(store.id(), code)
                .map(listed -> CheckoutJson.json(listed.coupon()))
                .orElseThrow(() -> new NotFound("this store has no coupon '" + Coupon.normalize(code) + "'"));
    }

    private static Policy withId(Policy policy, long id) {
        return new Policy(Long.toString(id), policy.name(), policy.eligible(), policy.validity(), policy.rule());
    }

    private <T> T inTransaction(Supplier<T> change) {
        return transaction.execute(status -> change.get());
    }
}
