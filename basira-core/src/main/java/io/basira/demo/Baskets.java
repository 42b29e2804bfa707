package io.basira.demo;

import io.basira.demo.SeasonalCoupons.Coupon;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Fills an order: how many lines (1 for 55% of orders, rarely 6; 2–6 for wholesale buyers), which
 * products (40% from the customer's favourite category, in Ramadan often dates, coffee, sweets and
 * home, around White Friday electronics, otherwise by popularity), how many of each (mostly 1, more for
 * bulk goods, 6–24 for wholesale), the unit price (12% of lines on sale at 15% off, wholesale at
 * 20% off) and the coupon.
 */
final class Baskets {

    private static final int[] LINE_COUNTS = {1, 2, 3, 4, 5, 6};
    private static final double[] LINE_WEIGHTS = Weighted.cumulate(new double[] {55, 25, 11, 5, 2, 2});
    private static final int[] RAMADAN_CATEGORIES =
            Assortment.categoryIndexes("Dates", "Coffee & Tea", "Gifts & Sweets", "Home & Kitchen", "Abayas");
    private static final int ELECTRONICS = Assortment.categoryIndex("Electronics");

    private final Assortment assortment;

    Baskets(Assortment assortment) {
        this.assortment = assortment;
    }

    OrderDraft fill(SplittableRandom random, Shopper shopper, LocalDate day, boolean firstOrder) {
        int wanted = shopper.wholesale()
                ? 2 + random.nextInt(5)
                : LINE_COUNTS[Weighted.indexOf(LINE_WEIGHTS, random.nextDouble() * 100)];
        List<OrderDraft.Line> lines = new ArrayList<>(wanted);
        for (int attempt = 0; lines.size() < wanted && attempt < wanted * 4; attempt++) {
            Assortment.Item product = product(random, shopper, day);
            if (!contains(lines, product)) {
                lines.add(new OrderDraft.Line(
                        product, quantity(random, shopper, product), unitPrice(random, shopper, product)));
            }
        }
        long subtotal = 0;
        for (OrderDraft.Line line : lines) {
            subtotal += line.amount();
        }
        Coupon coupon = SeasonalCoupons.choose(random, day, firstOrder, shopper.couponKeen());
        return coupon == null
                ? new OrderDraft(lines, 0, null)
                : new OrderDraft(lines, coupon.discountOn(subtotal), coupon.code());
    }

    /** A product for a cart or a wishlist: favourite category or popularity. */
    Assortment.Item product(SplittableRandom random, Shopper shopper) {
        return random.nextInt(100) < 40
                ? assortment.draw(random, shopper.favouriteCategory())
                : assortment.draw(random);
    }

    private Assortment.Item product(SplittableRandom random, Shopper shopper, LocalDate day) {
        Occasion occasion = Occasion.on(day);
        int roll = random.nextInt(100);
        if (occasion.isRamadan() && roll < 35) {
            return assortment.draw(random, RAMADAN_CATEGORIES[random.nextInt(RAMADAN_CATEGORIES.length)]);
        }
        if ((occasion == Occasion.WHITE_FRIDAY || occasion == Occasion.WHITE_FRIDAY_WEEK) && roll < 35) {
            return assortment.draw(random, ELECTRONICS);
        }
        return product(random, shopper);
    }

    private static int quantity(SplittableRandom random, Shopper shopper, Assortment.Item product) {
        if (shopper.wholesale()) {
            return 6 + random.nextInt(19);
        }
        int roll = random.nextInt(100);
        if (product.bulk()) {
            return roll < 60 ? 1 : roll < 85 ? 2 : 3 + random.nextInt(3);
        }
        return roll < 75 ? 1 : roll < 92 ? 2 : roll < 98 ? 3 : 4 + random.nextInt(2);
    }

    private static long unitPrice(SplittableRandom random, Shopper shopper, Assortment.Item product) {
        long price = product.priceMinor();
        if (shopper.wholesale()) {
            return price - MinorUnits.percentOf(price, 20);
        }
        return random.nextInt(100) < 12 ? price - MinorUnits.percentOf(price, 15) : price;
    }

    private static boolean contains(List<OrderDraft.Line> lines, Assortment.Item product) {
        for (OrderDraft.Line line : lines) {
            if (line.product().id().equals(product.id())) {
                return true;
            }
        }
        return false;
    }
}
