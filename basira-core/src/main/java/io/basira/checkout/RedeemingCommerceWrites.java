package io.basira.checkout;

import io.basira.checkout.CouponRedemptions.Redemption;
import io.basira.commerce.Cart;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.CommerceWrites;
import io.basira.ingest.LineReplacement;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts coupon uses on the write path: wraps the store's {@link CommerceWrites} so that every way
 * orders arrive (single API call, bulk NDJSON, CSV import, later webhooks) redeems coupons in the
 * same transaction that writes the orders.
 *
 * <p>State-based and idempotent: after each write, an order holds a use of its coupon exactly when
 * it carries a code of one of the store's coupons and its status is counted (pending, processing,
 * completed). A cancelled or returned order gives its use back; a quotation never takes one; an
 * order whose code changes gives back the old use and takes the new one. Writing the same order
 * again changes nothing, so an order judged over the limit stays over the limit (it is never
 * promoted when a use is given back later).
 *
 * <p>Coupon rows are touched in code order so two concurrent batches cannot deadlock on them.
 */
public final class RedeemingCommerceWrites implements CommerceWrites {

    private final CommerceWrites delegate;
    private final CouponRedemptions redemptions;

    public RedeemingCommerceWrites(CommerceWrites delegate, CouponRedemptions redemptions) {
        this.delegate = delegate;
        this.redemptions = redemptions;
    }

    @Override
    public void upsertOrders(StoreId store, List<Order> orders) {
        delegate.upsertOrders(store, orders);
        if (orders.isEmpty() || !redemptions.storeHasCoupons(store)) {
            return;
        }
        Map<String, Order> latest = new LinkedHashMap<>();
        orders.forEach(order -> latest.put(order.externalId(), order));
        Map<String, Redemption> held = redemptions.of(store, latest.keySet());
        List<Step> steps = new ArrayList<>();
        for (Order order : latest.values()) {
            String wanted = order.status().isCounted() ? Coupon.normalize(blankToNull(order.couponCode())) : null;
            Redemption have = held.get(order.externalId());
            if (have != null && !have.code().equals(wanted)) {
                steps.add(new Step(have.code(), have, null));
            }
            if (wanted != null && (have == null || !have.code().equals(wanted))) {
                steps.add(new Step(wanted, null, order));
            }
        }
        steps.sort(Comparator.comparing(Step::code));
        for (Step step : steps) {
            if (step.release() != null) {
                redemptions.release(store, step.release());
            } else {
                Order order = step.take();
                redemptions.take(store, step.code(), order.externalId(), order.customerExternalId(), order.createdAt());
            }
        }
    }

    /** One touch of a coupon: a release of a redemption or a take for an order. */
    private record Step(String code, Redemption release, Order take) {}

    private static String blankToNull(String code) {
        return code == null || code.isBlank() ? null : code;
    }

    @Override
    public void upsertCustomers(StoreId store, List<Customer> customers) {
        delegate.upsertCustomers(store, customers);
    }

    @Override
    public void replaceOrderLines(StoreId store, List<OrderLine> lines, LineReplacement replacement) {
        delegate.replaceOrderLines(store, lines, replacement);
    }

    @Override
    public void upsertProducts(StoreId store, List<Product> products) {
        delegate.upsertProducts(store, products);
    }

    @Override
    public void upsertActivity(StoreId store, List<Cart> carts, List<Review> reviews, List<WishlistItem> items) {
        delegate.upsertActivity(store, carts, reviews, items);
    }
}
