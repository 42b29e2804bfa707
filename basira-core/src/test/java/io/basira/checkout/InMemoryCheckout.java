package io.basira.checkout;

import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Small in-memory fakes of the checkout ports for one store, and a fixture to build requests. */
final class InMemoryCheckout implements CheckoutPolicies, Coupons, CustomerGroups {

    static final Currency SAR = Currency.getInstance("SAR");
    static final Store STORE = new Store(new StoreId(1), "shop", "Shop", SAR, ZoneId.of("Asia/Riyadh"));
    static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    Catalogue catalogue = Catalogue.standard();
    final List<Policy> policies = new ArrayList<>();
    final Map<String, Coupon> coupons = new HashMap<>();
    final Map<String, Integer> used = new HashMap<>();
    final Map<String, Integer> usedByCustomer = new HashMap<>();
    final Map<String, Set<String>> groups = new HashMap<>();
    Set<String> anonymousGroups = Set.of();

    EvaluateCheckout evaluator() {
        return new EvaluateCheckout(this, this, this, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    InMemoryCheckout policy(String name, EligibleGroups eligible, PolicyRule rule) {
        return policy(name, eligible, Validity.always(), rule);
    }

    InMemoryCheckout policy(String name, EligibleGroups eligible, Validity validity, PolicyRule rule) {
        policies.add(new Policy("p" + (policies.size() + 1), name, eligible, validity, rule));
        return this;
    }

    InMemoryCheckout customerIn(String customer, String... groupKeys) {
        groups.put(customer, Set.of(groupKeys));
        return this;
    }

    InMemoryCheckout coupon(Coupon coupon) {
        coupons.put(coupon.code(), coupon);
        return this;
    }

    static Money sar(String amount) {
        return Money.parse(amount, SAR);
    }

    static CartItem item(String product, int quantity, String unitPrice) {
        return new CartItem(product, quantity, sar(unitPrice));
    }

    static CheckoutRequest cart(String customer, String coupon, CartItem... items) {
        return new CheckoutRequest(customer, List.of(items), coupon, sar("25.00"), null);
    }

    CheckoutDecision decide(CheckoutRequest request) {
        return evaluator().decide(STORE, request);
    }

    @Override
    public StorePolicies of(StoreId store) {
        return new StorePolicies(catalogue, policies);
    }

    @Override
    public Optional<CouponState> find(StoreId store, String code, String customerId) {
        Coupon coupon = coupons.get(code);
        if (coupon == null) {
            return Optional.empty();
        }
        int own = customerId == null ? 0 : usedByCustomer.getOrDefault(code + "/" + customerId, 0);
        return Optional.of(new CouponState(coupon, used.getOrDefault(code, 0), own));
    }

    @Override
    public Set<String> groupsOf(StoreId store, String customerExternalId) {
        return customerExternalId == null ? anonymousGroups : groups.getOrDefault(customerExternalId, anonymousGroups);
    }
}
