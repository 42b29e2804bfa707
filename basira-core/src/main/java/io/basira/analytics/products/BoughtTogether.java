package io.basira.analytics.products;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Products and categories bought in the same order (docs/products.md, "Bought together"). Over the
 * {@code N} orders with at least one line: {@code count(a)} orders hold product a, {@code count(a,b)} hold
 * both; {@code support = count(a,b) / N}, {@code confidence(a -> b) = count(a,b) / count(a)},
 * {@code lift = confidence(a -> b) / (count(b) / N) = count(a,b) * N / (count(a) * count(b))}. Categories
 * alike, an order holding a category when any of its lines' products carries it. Counting is one pass over
 * the orders with the pair counts in a {@link LongIntCounter}; no object per order or pair is made until the
 * pairs passing the thresholds are listed.
 */
public final class BoughtTogether {

    private final Baskets baskets;
    private final int orders;
    private final int[] productOrders;
    private final LongIntCounter productPairs;
    private final int categoryOrderTotal;
    private final int[] categoryOrders;
    private final LongIntCounter categoryPairs;

    private BoughtTogether(
            Baskets baskets,
            int orders,
            int[] productOrders,
            LongIntCounter productPairs,
            int categoryOrderTotal,
            int[] categoryOrders,
            LongIntCounter categoryPairs) {
        this.baskets = baskets;
        this.orders = orders;
        this.productOrders = productOrders;
        this.productPairs = productPairs;
        this.categoryOrderTotal = categoryOrderTotal;
        this.categoryOrders = categoryOrders;
        this.categoryPairs = categoryPairs;
    }

    /** Minimum pair count (&gt;= 1), minimum support and minimum confidence (0..1) a pair must reach. */
    public record Thresholds(int minCount, double minSupport, double minConfidence) {

        public static final Thresholds DEFAULT = new Thresholds(2, 0, 0);

        public Thresholds {
            if (minCount < 1) {
                throw new IllegalArgumentException("min_count must be at least 1, got " + minCount);
            }
            if (!(minSupport >= 0 && minSupport <= 1)) {
                throw new IllegalArgumentException("min_support must be between 0 and 1, got " + minSupport);
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                throw new IllegalArgumentException("min_confidence must be between 0 and 1, got " + minConfidence);
            }
        }
    }

    /**
     * One pair: codes {@code a < b} (products or categories), the orders holding each and both, and the measures;
     * {@code confidenceAb} is {@code confidence(a -> b)}.
     */
    public record Pair(
            int a,
            int b,
            int countA,
            int countB,
            int count,
            double support,
            double confidenceAb,
            double confidenceBa,
            double lift) {}

    /** "Bought this, also bought": the other product, the orders with both, {@code confidence(this -> other)}, lift. */
    public record AlsoBought(int product, int count, double confidence, double lift) {}

    /** Counts every product pair and category pair of the orders in {@code baskets}. */
    public static BoughtTogether count(Baskets baskets) {
        int products = baskets.productCount();
        int[] productOrders = new int[products];
        int[] categoryOrders = new int[baskets.categoryCount()];
        int n = baskets.orderCount();
        LongIntCounter pairs = new LongIntCounter(Math.max(16, baskets.lineCount()));
        LongIntCounter categoryPairs = new LongIntCounter(64);
        int[] cats = new int[16];
        int orders = 0;
        int categoryOrderTotal = 0;
        for (int o = 0; o < n; o++) {
            int from = baskets.lineStart(o);
            int to = baskets.lineStart(o + 1);
            if (from == to) {
                continue;
            }
            orders++;
            for (int i = from; i < to; i++) {
                int a = baskets.product(i);
                productOrders[a]++;
                long high = (long) a << 32;
                for (int j = i + 1; j < to; j++) {
                    pairs.increment(high | baskets.product(j));
                }
            }
            // the order's distinct categories (few): insertion into a small sorted array
            int k = 0;
            for (int i = from; i < to; i++) {
                int c = baskets.category(baskets.product(i));
                if (c == Baskets.NO_CATEGORY) {
                    continue;
                }
                int at = k;
                boolean seen = false;
                for (int x = 0; x < k; x++) {
                    if (cats[x] == c) {
                        seen = true;
                        break;
                    }
                }
                if (seen) {
                    continue;
                }
                if (k == cats.length) {
                    cats = java.util.Arrays.copyOf(cats, k * 2);
                }
                cats[at] = c;
                k++;
            }
            if (k > 0) {
                categoryOrderTotal++;
            }
            for (int x = 0; x < k; x++) {
                categoryOrders[cats[x]]++;
                for (int y = x + 1; y < k; y++) {
                    categoryPairs.increment(LongIntCounter.pair(cats[x], cats[y]));
                }
            }
        }
        return new BoughtTogether(
                baskets, orders, productOrders, pairs, categoryOrderTotal, categoryOrders, categoryPairs);
    }

    public Baskets baskets() {
        return baskets;
    }

    /** Orders with at least one line: the {@code N} of the support. */
    public int orders() {
        return orders;
    }

    /** Orders with at least one categorised line: the {@code N} of the category pairs. */
    public int categorisedOrders() {
        return categoryOrderTotal;
    }

    /** Orders holding product {@code code}. */
    public int productOrders(int code) {
        return productOrders[code];
    }

    /** Distinct product pairs bought together at least once. */
    public int productPairCount() {
        return productPairs.size();
    }

    /** Orders holding both products (any order of the codes). */
    public int together(int a, int b) {
        return a == b ? productOrders[a] : productPairs.get(LongIntCounter.pair(a, b));
    }

    /** The sum of all product pair counts (for comparing with another counter). */
    public long pairOccurrences() {
        long[] sum = {0};
        productPairs.forEach((key, count) -> sum[0] += count);
        return sum[0];
    }

    /** Product pairs passing the thresholds (confidence in either direction), by count, lift, then codes; at most {@code limit}. */
    public List<Pair> productPairs(Thresholds t, int limit) {
        return pairs(productPairs, productOrders, orders, t, limit);
    }

    /** Category pairs passing the thresholds, measured over the categorised orders; at most {@code limit}. */
    public List<Pair> categoryPairs(Thresholds t, int limit) {
        return pairs(categoryPairs, categoryOrders, categoryOrderTotal, t, limit);
    }

    /** Per product: the other products of its orders passing the thresholds, by confidence then lift; at most {@code top}. */
    public List<AlsoBought> alsoBought(int product, Thresholds t, int top) {
        List<AlsoBought> out = new ArrayList<>();
        int countA = productOrders[product];
        if (countA == 0) {
            return out;
        }
        productPairs.forEach((key, count) -> {
            int a = LongIntCounter.first(key);
            int b = LongIntCounter.second(key);
            if (a != product && b != product) {
                return;
            }
            int other = a == product ? b : a;
            double support = (double) count / orders;
            double confidence = (double) count / countA;
            if (count >= t.minCount() && support >= t.minSupport() && confidence >= t.minConfidence()) {
                out.add(new AlsoBought(other, count, confidence, lift(count, countA, productOrders[other], orders)));
            }
        });
        out.sort(Comparator.comparingInt(AlsoBought::count)
                .reversed()
                .thenComparing(Comparator.comparingDouble(AlsoBought::lift).reversed())
                .thenComparingInt(AlsoBought::product));
        return out.size() > top ? new ArrayList<>(out.subList(0, top)) : out;
    }

    private static List<Pair> pairs(LongIntCounter counter, int[] single, int n, Thresholds t, int limit) {
        List<Pair> out = new ArrayList<>();
        counter.forEach((key, count) -> {
            if (count < t.minCount()) {
                return;
            }
            int a = LongIntCounter.first(key);
            int b = LongIntCounter.second(key);
            double support = (double) count / n;
            double ab = (double) count / single[a];
            double ba = (double) count / single[b];
            if (support >= t.minSupport() && Math.max(ab, ba) >= t.minConfidence()) {
                out.add(new Pair(
                        a, b, single[a], single[b], count, support, ab, ba, lift(count, single[a], single[b], n)));
            }
        });
        out.sort(Comparator.comparingInt(Pair::count)
                .reversed()
                .thenComparing(Comparator.comparingDouble(Pair::lift).reversed())
                .thenComparingInt(Pair::a)
                .thenComparingInt(Pair::b));
        return out.size() > limit ? new ArrayList<>(out.subList(0, limit)) : out;
    }

    static double lift(int together, int countA, int countB, int n) {
        return (double) together * n / ((double) countA * countB);
    }
}
