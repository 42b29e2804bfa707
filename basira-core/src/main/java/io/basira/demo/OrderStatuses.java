package io.basira.demo;

import io.basira.commerce.OrderStatus;
import java.util.SplittableRandom;

/**
 * An order's status as of the end of the demo period, from its age: orders of the last day are
 * mostly pending or processing, orders older than ten days mostly completed (87%), cancelled (7%) or
 * returned (6%). Quotations are 1.5% of orders (15% for wholesale buyers); non-serious customers cancel
 * half of their orders; cash-on-delivery orders are cancelled more often.
 */
final class OrderStatuses {

    private static final OrderStatus[] STATUSES = OrderStatus.values();
    /** Per age band, weights in the order of {@link OrderStatus#values()}: quotation first (set apart). */
    private static final double[][] BY_AGE = {
        {0, 50, 40, 5, 5, 0}, // under 1 day
        {0, 15, 60, 18, 7, 0}, // 1 to 3 days
        {0, 3, 22, 67, 6, 2}, // 3 to 10 days
        {0, 0, 0, 87, 7, 6}, // older
    };

    private static final double[][] CUMULATIVE = cumulative();

    private OrderStatuses() {}

    /** @param ageSeconds seconds from the order's creation to the end of the period, not negative */
    static OrderStatus choose(SplittableRandom random, Shopper shopper, long ageSeconds, String payment) {
        int quotationPerMille = shopper.wholesale() ? 150 : 15;
        if (random.nextInt(1000) < quotationPerMille) {
            return OrderStatus.QUOTATION;
        }
        int band = ageSeconds < LocalTimes.DAY
                ? 0
                : ageSeconds < 3 * LocalTimes.DAY ? 1 : ageSeconds < 10 * LocalTimes.DAY ? 2 : 3;
        int cancelPercent = shopper.nonSerious() ? 50 : "cod".equals(payment) ? 5 : 0;
        if (band > 0 && random.nextInt(100) < cancelPercent) {
            return OrderStatus.CANCELLED;
        }
        double[] sums = CUMULATIVE[band];
        return STATUSES[Weighted.indexOf(sums, random.nextDouble() * sums[sums.length - 1])];
    }

    private static double[][] cumulative() {
        double[][] sums = new double[BY_AGE.length][];
        for (int band = 0; band < BY_AGE.length; band++) {
            sums[band] = Weighted.cumulate(BY_AGE[band]);
        }
        return sums;
    }
}
