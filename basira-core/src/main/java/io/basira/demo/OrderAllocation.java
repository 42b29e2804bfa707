package io.basira.demo;

import java.util.SplittableRandom;
import java.util.function.IntFunction;

/**
 * Splits exactly {@code orders} orders over the customers without holding per-customer state.
 *
 * <p>Each customer first draws a {@link Draw} from its own generator: 15% never order, 35% order
 * once, 50% are repeat buyers with a Lomax (Pareto type II) appetite, tail index 2.2: its density falls
 * from zero, so two orders are more common than three and so on, and its heavy tail gives a few heavy
 * buyers (clipped at 30 times the mean appetite). Pass one (the constructor) replays every customer's draw and sums
 * the bases (1 per one-time buyer, 2 per repeat buyer) and the appetites. Pass two ({@link #next}) walks
 * the customers in the same order and gives each its base plus its share of the remaining orders by
 * systematic rounding: a customer whose running appetite goes from A to B gets
 * round(extra*B/total) - round(extra*A/total), so the shares add up to exactly {@code orders}. When
 * there are fewer orders than bases, the orders are spread by base instead (so some buyers get none).
 * Memory is O(1); not thread-safe.
 */
final class OrderAllocation {

    /** A customer's buying type. */
    enum Kind {
        NONE,
        ONE_TIME,
        REPEAT
    }

    /** A customer's type and appetite (0 unless repeat). */
    record Draw(Kind kind, double appetite) {
        int base() {
            return switch (kind) {
                case NONE -> 0;
                case ONE_TIME -> 1;
                case REPEAT -> 2;
            };
        }
    }

    /** Tail index of the Lomax appetite: below 2.5 the tail is heavy, above 2 the mean is finite. */
    private static final double ALPHA = 2.2;
    /** Appetites are clipped at 30 times the mean (the mean is 1/(ALPHA-1), about 0.83). */
    private static final double CLIP = 30 / (ALPHA - 1);

    private final long orders;
    private final long extra;
    private final double totalAppetite;
    private final long totalBase;
    private final int customers;
    private double appetiteSoFar;
    private long baseSoFar;
    private int seen;

    /** Pass one: replays the draw of customers 0..customers-1 from {@code randomFor}. */
    OrderAllocation(long orders, int customers, IntFunction<SplittableRandom> randomFor) {
        double appetite = 0;
        long base = 0;
        for (int i = 0; i < customers; i++) {
            Draw draw = draw(randomFor.apply(i));
            appetite += draw.appetite();
            base += draw.base();
        }
        this.orders = orders;
        this.customers = customers;
        this.totalAppetite = appetite;
        this.totalBase = base;
        this.extra = orders - base;
    }

    /** The first draw from a customer's generator; the generator advances. */
    static Draw draw(SplittableRandom random) {
        double u = random.nextDouble();
        double uniform = random.nextDouble();
        if (u < 0.15) {
            return new Draw(Kind.NONE, 0);
        }
        if (u < 0.50) {
            return new Draw(Kind.ONE_TIME, 0);
        }
        return new Draw(Kind.REPEAT, Math.min(CLIP, StrictMath.pow(1.0 - uniform, -1.0 / ALPHA) - 1.0));
    }

    /** Pass two: the number of orders of the next customer, whose draw must be the one replayed in pass one. */
    int next(Draw draw) {
        seen++;
        if (totalBase == 0) {
            return Math.toIntExact(share(orders, seen - 1, seen, customers));
        }
        if (extra < 0) {
            long before = baseSoFar;
            baseSoFar += draw.base();
            return Math.toIntExact(share(orders, before, baseSoFar, totalBase));
        }
        double before = appetiteSoFar;
        appetiteSoFar += draw.appetite();
        long shareOfExtra = totalAppetite == 0 ? 0 : share(extra, before, appetiteSoFar, totalAppetite);
        if (totalAppetite == 0 && draw.base() > 0) {
            long baseBefore = baseSoFar;
            baseSoFar += draw.base();
            shareOfExtra = share(extra, baseBefore, baseSoFar, totalBase);
        }
        return Math.toIntExact(draw.base() + shareOfExtra);
    }

    private static long share(long amount, double before, double after, double total) {
        return Math.round(amount * (after / total)) - Math.round(amount * (before / total));
    }
}
