package io.basira.demo;

import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes everything one customer did after signing up: orders with their items, the carts that
 * became those orders, product reviews and ratings of the store. Carts left behind and wishlists are
 * in {@link CartsAndWishlists}.
 *
 * <p>Order moments: the first order follows sign-up within 90 minutes for 55% of buyers (signed up at
 * checkout), otherwise it is drawn from the shopping calendar within an exponential wait (mean 20 days).
 * Later orders are drawn between the first order and the end of the buyer's lifetime (see
 * {@link #lifetime}), so early customers drift away and the period's end is not crowded. The only
 * per-customer state is the sorted array of their order moments.
 */
final class ShopperActivity {

    private static final double[] RATINGS = Weighted.cumulate(new double[] {6, 4, 10, 25, 55});
    private static final double[] LOW_RATINGS = Weighted.cumulate(new double[] {45, 30, 15, 7, 3});
    private static final Weighted<String> SHIPPING = Weighted.<String>builder()
            .add("smsa", 30)
            .add("aramex", 25)
            .add("spl", 15)
            .add("redbox", 10)
            .add("jt_express", 8)
            .add("store_pickup", 4)
            .add("dhl", 3)
            .build();

    private final ShoppingCalendar calendar;
    private final Baskets baskets;
    private final DemoStoreFiles files;

    ShopperActivity(ShoppingCalendar calendar, Baskets baskets, DemoStoreFiles files) {
        this.calendar = calendar;
        this.baskets = baskets;
        this.files = files;
    }

    /** Writes the shopper's orders and what follows from them. */
    void write(SplittableRandom random, Shopper shopper) throws IOException {
        long[] moments = orderMoments(random, shopper);
        for (int i = 0; i < moments.length; i++) {
            OrderStatus status = writeOrder(random, shopper, moments[i], i == 0);
            if (status == OrderStatus.COMPLETED) {
                maybeRateStore(random, shopper, moments[i]);
            }
        }
    }

    private long[] orderMoments(SplittableRandom random, Shopper shopper) {
        long[] moments = new long[shopper.orders()];
        if (moments.length == 0) {
            return moments;
        }
        long earliest = shopper.signup() + 60;
        long quick = earliest + random.nextInt(90 * 60);
        long wait = LocalTimes.HOUR + (long) (-20 * LocalTimes.DAY * StrictMath.log(1.0 - random.nextDouble()));
        moments[0] = random.nextInt(100) < 55 && quick < calendar.end()
                ? quick
                : calendar.draw(random, earliest, Math.min(calendar.end(), earliest + wait));
        long lastChance = Math.min(calendar.end(), moments[0] + lifetime(random, moments.length));
        for (int i = 1; i < moments.length; i++) {
            moments[i] = calendar.draw(random, moments[0], lastChance);
        }
        Arrays.sort(moments);
        return moments;
    }

    /**
     * How long a repeat buyer keeps buying after the first order: exponential with a mean of 240 days
     * plus 15 per order, at least 21 days. Most buyers stop before the end of the period (churn).
     */
    private static long lifetime(SplittableRandom random, int orders) {
        double meanDays = 240 + 15.0 * orders;
        double days = Math.max(21, -meanDays * StrictMath.log(1.0 - random.nextDouble()));
        return (long) (days * LocalTimes.DAY);
    }

    private OrderStatus writeOrder(SplittableRandom random, Shopper shopper, long at, boolean first)
            throws IOException {
        OrderDraft draft = baskets.fill(random, shopper, LocalTimes.dateOf(at), first);
        String payment = payment(random, shopper);
        OrderStatus status = OrderStatuses.choose(random, shopper, calendar.end() - at, payment);
        boolean quotation = status == OrderStatus.QUOTATION;
        String orderId = files.nextOrderId();
        files.order(
                orderId,
                shopper.id(),
                at,
                status,
                draft,
                quotation ? null : payment,
                quotation ? null : shipping(random, shopper));
        for (OrderDraft.Line line : draft.lines()) {
            files.item(orderId, line);
        }
        if (status.isCounted() && random.nextInt(100) < 40) {
            long opened = Math.max(shopper.signup(), at - 120 - random.nextInt(3600));
            files.cart(shopper.id(), opened, at, draft.subtotal(), draft.itemCount(), CartStatus.CONVERTED);
        }
        maybeReview(random, shopper, status, at, draft);
        return status;
    }

    private static String payment(SplittableRandom random, Shopper shopper) {
        String payment = random.nextInt(100) < 75 ? shopper.preferredPayment() : Shoppers.PAYMENTS.pick(random);
        return shopper.international() && ("cod".equals(payment) || "mada".equals(payment)) ? "credit_card" : payment;
    }

    private static String shipping(SplittableRandom random, Shopper shopper) {
        if (shopper.international()) {
            return random.nextInt(100) < 60 ? "dhl" : "aramex";
        }
        return SHIPPING.pick(random);
    }

    /** 9% of completed orders and 25% of returned ones get a review of one of their products. */
    private void maybeReview(SplittableRandom random, Shopper shopper, OrderStatus status, long at, OrderDraft draft)
            throws IOException {
        boolean returned = status == OrderStatus.RETURNED;
        if (!(status == OrderStatus.COMPLETED && random.nextInt(100) < 9) && !(returned && random.nextInt(100) < 25)) {
            return;
        }
        long reviewedAt = at + (2 + random.nextInt(19)) * LocalTimes.DAY + random.nextInt((int) LocalTimes.DAY);
        if (reviewedAt < calendar.end()) {
            OrderDraft.Line line =
                    draft.lines().get(random.nextInt(draft.lines().size()));
            files.review(
                    shopper.id(), line.product().id(), rating(random, returned || shopper.nonSerious()), reviewedAt);
        }
    }

    /** 8% of completed orders are followed, 1 to 11 days later, by a rating of the store. */
    private void maybeRateStore(SplittableRandom random, Shopper shopper, long completedAt) throws IOException {
        if (random.nextInt(100) >= 8) {
            return;
        }
        long at = completedAt + LocalTimes.DAY + random.nextInt((int) (10 * LocalTimes.DAY));
        if (at < calendar.end()) {
            files.review(shopper.id(), null, rating(random, shopper.nonSerious()), at);
        }
    }

    /** 1–5 stars, J-shaped: 55% five stars, 6% one star; unhappy customers mostly 1–2. */
    private static int rating(SplittableRandom random, boolean unhappy) {
        double[] sums = unhappy ? LOW_RATINGS : RATINGS;
        return 1 + Weighted.indexOf(sums, random.nextDouble() * sums[sums.length - 1]);
    }
}
