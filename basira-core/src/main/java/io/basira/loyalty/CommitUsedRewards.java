package io.basira.loyalty;

import io.basira.commerce.Order;
import io.basira.events.UseCase;
import io.basira.ingest.OrderChange;
import io.basira.ingest.OrdersWritten;
import io.basira.ingest.WriteParticipant;
import io.basira.loyalty.Redemption.State;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Commits a reserved redemption when an order uses its reward coupon: a {@link WriteParticipant}, so every way
 * orders arrive (API, bulk, import, platform webhooks) commits it in the transaction that stores the order
 * (docs/loyalty.md, "Redemption").
 *
 * <p>An order uses a reward coupon when it carries the coupon's code ({@link RewardCoupons#PREFIX}, any case)
 * and its status counts a coupon use (pending, processing, completed: checkout's rule). Committing is
 * idempotent: a committed redemption stays committed, so the same order written again, or another order with
 * the same code, changes nothing; a released redemption (its coupon withdrawn) is left alone. A cancelled or
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
        Set<String> codes = new TreeSet<>();
        for (OrderChange change : written.changes()) {
            String code = rewardCode(change.after());
            if (code != null) {
                codes.add(code);
            }
        }
        if (codes.isEmpty()) {
            return;
        }
        for (Redemption redemption : redemptions.lockByCoupons(written.store(), codes)) {
            if (redemption.state() == State.RESERVED) {
                redemptions.update(written.store(), redemption.in(State.COMMITTED));
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
