package io.basira.analytics.products;

import java.util.Arrays;
import java.util.List;

/**
 * Checks {@link NextProducts} on a time split (docs/products.md, "How good the next products are"): train on
 * the orders before a day, test on the orders from that day to an end day. A test customer has an order
 * before the split and a line in the test period; her relevant products are the distinct products of her
 * test orders. Per customer, for the top {@code k}: a hit when at least one suggestion is relevant; recall
 * {@code = relevant suggested / relevant}. Hit rate and recall are the means over test customers, for the
 * model, for the popularity baseline (the most bought products with the model's "already bought" rule) and for
 * the plain most bought products (nothing left out). The model's lead over each baseline comes with the standard
 * error of the paired per-customer differences, so a lead can be told from noise.
 */
public final class NextProductEvaluation {

    private NextProductEvaluation() {}

    /** Figures of one method: test customers, hit rate@k and recall@k (means, 0..1). */
    public record Figures(int customers, double hitRate, double recall) {}

    /** The model's lead over a baseline: mean paired differences and their standard errors (0..1). */
    public record Lead(double hitRate, double hitRateError, double recall, double recallError) {}

    /** The model's and the baselines' figures, with the training and test sizes and the model's leads. */
    public record Result(
            int k,
            int trainOrders,
            int testOrders,
            Figures model,
            Figures popularity,
            Figures mostBought,
            Lead overPopularity,
            Lead overMostBought) {}

    public static Result run(Baskets all, int splitDay, int testEndDay, NextProducts.Options options, int k) {
        if (testEndDay < splitDay) {
            throw new IllegalArgumentException(
                    "test period ends (" + testEndDay + ") before it starts (" + splitDay + ")");
        }
        Baskets train = all.between(Integer.MIN_VALUE, splitDay - 1);
        Baskets test = all.between(splitDay, testEndDay);
        NextProducts model = NextProducts.train(train, options);
        NextProducts.Scorer scorer = model.scorer();
        Paired hitsOverPopular = new Paired();
        Paired recallOverPopular = new Paired();
        Paired hitsOverMost = new Paired();
        Paired recallOverMost = new Paired();
        double[] sums = new double[6];
        int[] plain = codes(model.mostBought(k));
        for (int c = 0; c < all.customerCount(); c++) {
            if (train.orderStart(c) == train.orderStart(c + 1)) {
                continue;
            }
            int[] relevant = distinctProducts(test, c);
            if (relevant.length == 0) {
                continue;
            }
            double[] hit = new double[3];
            double[] rec = new double[3];
            int[][] lists = {codes(scorer.next(c, k)), codes(scorer.popular(c, k)), plain};
            for (int i = 0; i < 3; i++) {
                hit[i] = hits(lists[i], relevant) > 0 ? 1 : 0;
                rec[i] = recall(lists[i], relevant);
                sums[2 * i] += hit[i];
                sums[2 * i + 1] += rec[i];
            }
            hitsOverPopular.add(hit[0] - hit[1]);
            recallOverPopular.add(rec[0] - rec[1]);
            hitsOverMost.add(hit[0] - hit[2]);
            recallOverMost.add(rec[0] - rec[2]);
        }
        int customers = hitsOverPopular.n;
        return new Result(
                k,
                train.orderCount(),
                test.orderCount(),
                figures(customers, sums[0], sums[1]),
                figures(customers, sums[2], sums[3]),
                figures(customers, sums[4], sums[5]),
                new Lead(
                        hitsOverPopular.mean(),
                        hitsOverPopular.error(),
                        recallOverPopular.mean(),
                        recallOverPopular.error()),
                new Lead(hitsOverMost.mean(), hitsOverMost.error(), recallOverMost.mean(), recallOverMost.error()));
    }

    /** Mean and standard error of the mean of per-customer differences. */
    private static final class Paired {
        int n;
        double sum;
        double squares;

        void add(double x) {
            n++;
            sum += x;
            squares += x * x;
        }

        double mean() {
            return n == 0 ? 0 : sum / n;
        }

        double error() {
            if (n < 2) {
                return 0;
            }
            double variance = (squares - sum * sum / n) / (n - 1);
            return Math.sqrt(Math.max(0, variance) / n);
        }
    }

    private static Figures figures(int customers, double hits, double recallSum) {
        return customers == 0 ? new Figures(0, 0, 0) : new Figures(customers, hits / customers, recallSum / customers);
    }

    /** How many of the suggested codes are in {@code relevantSorted} (ascending, distinct). */
    public static int hits(int[] suggested, int[] relevantSorted) {
        int n = 0;
        for (int s : suggested) {
            if (Arrays.binarySearch(relevantSorted, s) >= 0) {
                n++;
            }
        }
        return n;
    }

    /** {@code hits / relevant}; 0 when nothing is relevant. */
    public static double recall(int[] suggested, int[] relevantSorted) {
        return relevantSorted.length == 0 ? 0 : (double) hits(suggested, relevantSorted) / relevantSorted.length;
    }

    static int[] codes(List<NextProducts.Suggestion> suggestions) {
        int[] out = new int[suggestions.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = suggestions.get(i).product();
        }
        return out;
    }

    /** The distinct products of a customer's orders, ascending. */
    static int[] distinctProducts(Baskets baskets, int row) {
        int from = baskets.lineStart(baskets.orderStart(row));
        int to = baskets.lineStart(baskets.orderStart(row + 1));
        int[] out = new int[to - from];
        for (int l = from; l < to; l++) {
            out[l - from] = baskets.product(l);
        }
        return Arrays.stream(out).sorted().distinct().toArray();
    }
}
