package io.basira.analytics.products;

import java.util.Arrays;
import java.util.List;

/**
 * Checks {@link NextProducts} on a time split (docs/products.md, "How good the next products are"): train on
 * the orders before a day, test on the orders from that day to an end day. A test customer has an order
 * before the split and a line in the test period; her relevant products are the distinct products of her
 * test orders. Per customer, for the top {@code k}: a hit when at least one suggestion is relevant; recall
 * {@code = relevant suggested / relevant}. Hit rate and recall are the means over test customers, for the
 * model and for the popularity baseline.
 */
public final class NextProductEvaluation {

    private NextProductEvaluation() {}

    /** Figures of one method: test customers, hit rate@k and recall@k (means, 0..1). */
    public record Figures(int customers, double hitRate, double recall) {}

    /** The model's and the baseline's figures, with the training and test sizes. */
    public record Result(int k, int trainOrders, int testOrders, Figures model, Figures popularity) {}

    public static Result run(Baskets all, int splitDay, int testEndDay, NextProducts.Options options, int k) {
        if (testEndDay < splitDay) {
            throw new IllegalArgumentException("test period ends (" + testEndDay + ") before it starts (" + splitDay + ")");
        }
        Baskets train = all.between(Integer.MIN_VALUE, splitDay - 1);
        Baskets test = all.between(splitDay, testEndDay);
        NextProducts model = NextProducts.train(train, options);
        NextProducts.Scorer scorer = model.scorer();
        int customers = 0;
        int modelHits = 0;
        int popularHits = 0;
        double modelRecall = 0;
        double popularRecall = 0;
        for (int c = 0; c < all.customerCount(); c++) {
            if (train.orderStart(c) == train.orderStart(c + 1)) {
                continue;
            }
            int[] relevant = distinctProducts(test, c);
            if (relevant.length == 0) {
                continue;
            }
            customers++;
            int[] m = codes(scorer.next(c, k));
            int[] p = codes(scorer.popular(c, k));
            modelHits += hits(m, relevant) > 0 ? 1 : 0;
            popularHits += hits(p, relevant) > 0 ? 1 : 0;
            modelRecall += recall(m, relevant);
            popularRecall += recall(p, relevant);
        }
        return new Result(k, train.orderCount(), test.orderCount(), figures(customers, modelHits, modelRecall),
                figures(customers, popularHits, popularRecall));
    }

    private static Figures figures(int customers, int hits, double recallSum) {
        return customers == 0 ? new Figures(0, 0, 0)
                : new Figures(customers, (double) hits / customers, recallSum / customers);
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
