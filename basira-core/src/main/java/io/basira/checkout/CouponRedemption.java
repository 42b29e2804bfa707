package io.basira.checkout;

import io.basira.checkout.CouponRedemptions.Redemption;
import io.basira.commerce.Order;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteParticipant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Counts coupon uses on the write path: a {@link WriteParticipant}, so every way orders arrive
 * (single API call, bulk NDJSON, CSV import, later webhooks) redeems coupons in the same transaction
 * that writes the orders.
 *
 * <p>State-based and idempotent: after each write, an order holds a use of its coupon exactly when
 * it carries a code of one of the store's coupons and its status is counted (pending, processing,
 * completed). A cancelled or returned order gives its use back; a quotation never takes one; an
 * order whose code changes gives back the old use and takes the new one. Writing the same order
 * again changes nothing, so an order judged over the limit stays over the limit (it is never
 * promoted when a use is given back later). The redemptions held, not the before-image, decide:
 * the before-image only spares the look-up for orders that are new (a redemption belongs to a
 * stored order, so a new one holds none).
 *
 * <p>Coupon rows are touched in code order so two concurrent batches cannot deadlock on them.
 */
public final class CouponRedemption implements WriteParticipant {

    private final CouponRedemptions redemptions;

    public CouponRedemption(CouponRedemptions redemptions) {
        this.redemptions = redemptions;
    }

    @Override
    public void ordersWritten(OrdersWritten written) {
        if (written.changes().stream().noneMatch(CouponRedemption::namesACoupon)
                || !redemptions.storeHasCoupons(written.store())) {
            return;
        }
        List<String> stored = written.changes().stream()
                .filter(change -> !change.isNew())
                .map(OrderChange::orderId)
                .toList();
        Map<String, Redemption> held = stored.isEmpty() ? Map.of() : redemptions.of(written.store(), stored);
        List<Step> steps = new ArrayList<>();
        for (OrderChange change : written.changes()) {
            Order order = change.after();
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
                redemptions.release(written.store(), step.release());
            } else {
                Order order = step.take();
                redemptions.take(
                        written.store(),
                        step.code(),
                        order.externalId(),
                        order.customerExternalId(),
                        order.createdAt());
            }
        }
    }

    /**
     * Whether either version of the order carries a coupon code. When no order of a batch does, there is
     * nothing to take or give back (a redemption is only ever held by an order whose stored version names
     * its coupon), so the store's coupons need not be asked about: most writes cost no lookup.
     */
    private static boolean namesACoupon(OrderChange change) {
        return blankToNull(change.after().couponCode()) != null
                || (change.before() != null && blankToNull(change.before().couponCode()) != null);
    }

    /** One touch of a coupon: a release of a redemption or a take for an order. */
    private record Step(String code, Redemption release, Order take) {}

    private static String blankToNull(String code) {
        return code == null || code.isBlank() ? null : code;
    }
}
