package io.basira.loyalty;

import io.basira.commerce.Order;
import io.basira.events.UseCase;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteParticipant;
import io.basira.loyalty.Redemption.State;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Commits a reserved redemption when an order uses its reward coupon: a {@link WriteParticipant}, so every way
 * orders arrive (API, bulk, import, platform webhooks) commits it in the transaction that stores the order
 * (docs/loyalty.md, "Redemption").
 *
 * <p>An order uses a reward coupon when it carries the coupon's code ({@link RewardCoupons#PREFIX}, any case)
 * and its status counts a coupon use (pending, processing, completed: checkout's rule). The redemption keeps that
 * order: its id and when it was placed ({@link Redemption#usedBy}); when one write holds several orders with the
 * same code, the first of the write's orders is the one. Committing is idempotent: a committed redemption stays
 * committed with the order it first recorded, so the same order written again, or another order with the same
 * code, changes nothing (and a redemption committed through the API keeps no order); a released redemption (its coupon withdrawn) is left alone. A cancelled or
 * returned order does not release it: "used" is final, as in the platforms' loyalty engines; checkout gives the
 * coupon's use back, so the customer can use the same coupon again and loses nothing. Writes whose orders carry
 * no reward code cost nothing (no look-up).
 */
@UseCase
public final class CommitUsedRewards implements WriteParticipant {

    private final Redemptions redemptions;

    public CommitUsedRewards(Redemptions redemptions) {
        this.redemptions = redemptions;
    }

    @Override
    public void ordersWritten(OrdersWritten written) {
        Map<String, Order> firstUse = new TreeMap<>();
        for (OrderChange change : written.changes()) {
            String code = rewardCode(change.after());
            if (code != null) {
                firstUse.putIfAbsent(code, change.after());
            }
        }
        if (firstUse.isEmpty()) {
            return;
        }
        for (Redemption redemption : redemptions.lockByCoupons(written.store(), firstUse.keySet())) {
            Order order = firstUse.get(redemption.couponCode());
            if (redemption.state() == State.RESERVED && order != null) {
                redemptions.update(written.store(), redemption.usedBy(order.externalId(), order.createdAt()));
            }
        }
    }

    /** The reward coupon code the order uses now, normalized; null when it uses none. */
    static String rewardCode(Order order) {
        String code = order.couponCode();
        if (code == null || !order.status().isCounted()) {
            return null;
        }
        String normalized = code.strip().toUpperCase(Locale.ROOT);
        return normalized.startsWith(RewardCoupons.PREFIX) ? normalized : null;
    }
}
