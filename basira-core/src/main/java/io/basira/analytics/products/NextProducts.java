package io.basira.analytics.products;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The products each customer is most likely to buy next, by item-to-item co-occurrence over customers'
 * histories plus her own buying again (docs/products.md, "Next products"). Training: for every customer, her
 * {@link Options#history()} most recently bought distinct products; two products co-occur once per customer
 * holding both ({@code C(i,j)}); each product keeps its {@link Options#neighbours()} most co-occurring. Scoring a
 * customer with recent products {@code H}: candidate j scores the weighted mean over H of the smoothed conditional
 * probability {@code (C(i,j) + m * P(j)) / (buyers(i) + m)}, with {@code P(j)} the share of buyers who bought j,
 * {@code m} = {@link Options#prior()} and weights 1, or {@code 0.5^(days / halfLife)} by how long before her last
 * order she last bought i ({@link Options#halfLife()}, 0 = off); so thin histories lean on popularity. Candidates
 * are the neighbours of H and the {@value #POPULAR_CANDIDATES} most bought products; a short list is filled with
 * the most bought products. A product she already bought is left out unless the store buys it again
 * (<em>repeatable</em>: at least {@link Options#minRepeatBuyers()} buyers, of whom at least
 * {@link Options#repeatShare()} bought it in two or more orders) or she bought it in two or more orders; such a
 * product also scores her rate of buying it again, {@code repeatWeight * (her orders of it - 1 + s * share) /
 * (her orders - 1 + s)} with {@code s} = {@value #REPEAT_SMOOTHING} pseudo-orders of the store's repeat share. The
 * popularity baseline of the evaluation is the most bought products alone, with the same exclusion.
 */
public final class NextProducts {

    /** How the model is trained; {@link #DEFAULT} is what the API, CLI and card use. */
    public record Options(
            int history,
            int neighbours,
            double repeatShare,
            int minRepeatBuyers,
            double prior,
            double halfLife,
            double repeatWeight) {

        public static final Options DEFAULT = new Options(30, 50, 0.05, 5, 10, 0, 0.5);

        public Options {
            if (history < 1
                    || neighbours < 1
                    || minRepeatBuyers < 1
                    || !(repeatShare > 0 && repeatShare <= 1)
                    || !(prior >= 0)
                    || !(halfLife >= 0)
                    || !(repeatWeight >= 0)) {
                throw new IllegalArgumentException("next-product options out of range: history " + history
                        + ", neighbours " + neighbours + ", repeat share " + repeatShare + ", min repeat buyers "
                        + minRepeatBuyers + ", prior " + prior + ", half-life " + halfLife + ", repeat weight "
                        + repeatWeight);
            }
        }

        /** The options with another repeat share. */
        public Options withRepeatShare(double share) {
            return new Options(history, neighbours, share, minRepeatBuyers, prior, halfLife, repeatWeight);
        }

        /** The options with another recency half-life in days (0: no decay). */
        public Options withHalfLife(double days) {
            return new Options(history, neighbours, repeatShare, minRepeatBuyers, prior, days, repeatWeight);
        }

        /** The options with another weight of the buying-again term. */
        public Options withRepeatWeight(double weight) {
            return new Options(history, neighbours, repeatShare, minRepeatBuyers, prior, halfLife, weight);
        }

        /** The options with another prior weight. */
        public Options withPrior(double m) {
            return new Options(history, neighbours, repeatShare, minRepeatBuyers, m, halfLife, repeatWeight);
        }
    }

    /** Pseudo-orders of the store's repeat share in a customer's own rate of buying a product again. */
    static final double REPEAT_SMOOTHING = 2;

    /** One suggestion: a product code, its score (0 for a popularity fill) and whether it came from the fill. */
    public record Suggestion(int product, double score, boolean popular) {}

    private final Baskets baskets;
    private final Options options;
    private final int[] buyers;
    private final double[] repeat;
    private final boolean[] repeatable;
    private final int[] popular;
    private final double buyerTotal;
    /** The most bought products scored by the prior alone for every customer. */
    static final int POPULAR_CANDIDATES = 50;

    private final int[] neighbourStart;
    private final int[] neighbour;
    private final float[] similarity;

    private NextProducts(
            Baskets baskets,
            Options options,
            int[] buyers,
            double[] repeat,
            boolean[] repeatable,
            int[] popular,
            int[] neighbourStart,
            int[] neighbour,
            float[] similarity) {
        this.baskets = baskets;
        this.options = options;
        this.buyers = buyers;
        this.repeat = repeat;
        this.repeatable = repeatable;
        this.popular = popular;
        int total = 0;
        for (int c = 0; c < baskets.customerCount(); c++) {
            total += baskets.orderStart(c + 1) > baskets.orderStart(c) ? 1 : 0;
        }
        this.buyerTotal = Math.max(1, total);
        this.neighbourStart = neighbourStart;
        this.neighbour = neighbour;
        this.similarity = similarity;
    }

    public static NextProducts train(Baskets baskets, Options options) {
        int products = baskets.productCount();
        int[] buyers = new int[products];
        int[] repeaters = new int[products];
        LongIntCounter pairs = new LongIntCounter(Math.max(16, baskets.lineCount()));
        History h = new History(baskets);
        int[] recent = new int[options.history()];
        for (int c = 0; c < baskets.customerCount(); c++) {
            int distinct = h.load(c);
            for (int i = 0; i < distinct; i++) {
                int p = h.products[i];
                buyers[p]++;
                if (h.orders[p] >= 2) {
                    repeaters[p]++;
                }
            }
            int r = h.recent(recent);
            Arrays.sort(recent, 0, r);
            for (int i = 0; i < r; i++) {
                long high = (long) recent[i] << 32;
                for (int j = i + 1; j < r; j++) {
                    pairs.increment(high | recent[j]);
                }
            }
        }
        double[] repeat = new double[products];
        boolean[] repeatable = new boolean[products];
        for (int p = 0; p < products; p++) {
            repeat[p] = buyers[p] == 0 ? 0 : (double) repeaters[p] / buyers[p];
            repeatable[p] = buyers[p] >= options.minRepeatBuyers() && repeat[p] >= options.repeatShare();
        }
        // neighbour lists: every pair in both directions, then the best per product
        int[] degree = new int[products + 1];
        pairs.forEach((key, count) -> {
            degree[LongIntCounter.first(key) + 1]++;
            degree[LongIntCounter.second(key) + 1]++;
        });
        for (int p = 0; p < products; p++) {
            degree[p + 1] += degree[p];
        }
        int[] all = new int[degree[products]];
        float[] sims = new float[degree[products]];
        int[] fill = Arrays.copyOf(degree, products);
        pairs.forEach((key, count) -> {
            int a = LongIntCounter.first(key);
            int b = LongIntCounter.second(key);
            all[fill[a]] = b;
            sims[fill[a]++] = similarity(count, buyers[a], options.prior());
            all[fill[b]] = a;
            sims[fill[b]++] = similarity(count, buyers[b], options.prior());
        });
        int[] start = new int[products + 1];
        int kept = 0;
        for (int p = 0; p < products; p++) {
            kept += Math.min(options.neighbours(), degree[p + 1] - degree[p]);
        }
        int[] neighbour = new int[kept];
        float[] similarity = new float[kept];
        int at = 0;
        long[] keys = new long[0];
        for (int p = 0; p < products; p++) {
            start[p] = at;
            int from = degree[p];
            int length = degree[p + 1] - from;
            if (keys.length < length) {
                keys = new long[length];
            }
            // sort by similarity descending, then product code: similarity bits are order-preserving for s >= 0
            for (int i = 0; i < length; i++) {
                keys[i] = ((long) (Integer.MAX_VALUE - Float.floatToIntBits(sims[from + i])) << 32) | all[from + i];
            }
            Arrays.sort(keys, 0, length);
            for (int i = 0; i < Math.min(options.neighbours(), length); i++) {
                neighbour[at] = (int) keys[i];
                similarity[at] = Float.intBitsToFloat(Integer.MAX_VALUE - (int) (keys[i] >>> 32));
                at++;
            }
        }
        start[products] = at;
        long[] byBuyers = new long[products];
        for (int p = 0; p < products; p++) {
            byBuyers[p] = ((long) (Integer.MAX_VALUE - buyers[p]) << 32) | p;
        }
        Arrays.sort(byBuyers);
        int[] popular = new int[products];
        for (int i = 0; i < products; i++) {
            popular[i] = (int) byBuyers[i];
        }
        NextProducts model =
                new NextProducts(baskets, options, buyers, repeat, repeatable, popular, start, neighbour, similarity);
        model.pairs = pairs.size();
        long[] sum = {0};
        pairs.forEach((key, count) -> sum[0] += count);
        model.pairOccurrences = sum[0];
        return model;
    }

    private int pairs;
    private long pairOccurrences;

    /** Distinct product pairs co-occurring in some customer's recent history (for checking against another counter). */
    public int cooccurringPairs() {
        return pairs;
    }

    /** The sum of the co-occurrence counts over all pairs. */
    public long cooccurrences() {
        return pairOccurrences;
    }

    /** What a product co-bought {@code together} times scores from one product of {@code fromBuyers} buyers. */
    static float similarity(int together, int fromBuyers, double prior) {
        return (float) (together / (fromBuyers + prior));
    }

    public Baskets baskets() {
        return baskets;
    }

    public Options options() {
        return options;
    }

    /** Distinct customers who bought the product in the training orders. */
    public int buyers(int product) {
        return buyers[product];
    }

    /** Share of the product's buyers who bought it in two or more orders. */
    public double repeatShare(int product) {
        return repeat[product];
    }

    public boolean repeatable(int product) {
        return repeatable[product];
    }

    /** For a customer without orders: the most bought products. */
    public List<Suggestion> mostBought(int n) {
        List<Suggestion> out = new ArrayList<>(n);
        for (int i = 0; i < popular.length && out.size() < n && buyers[popular[i]] > 0; i++) {
            out.add(new Suggestion(popular[i], 0, true));
        }
        return out;
    }

    /** A scorer with its own buffers; one per thread. */
    public Scorer scorer() {
        return new Scorer();
    }

    /** Scores customers of the training baskets; reuses its buffers, so not thread safe. */
    public final class Scorer {

        private final History history = new History(baskets);
        private final double[] score = new double[baskets.productCount()];
        private final int[] seen = new int[baskets.productCount()];
        private final int[] touched = new int[baskets.productCount()];
        private final int[] recent = new int[options.history()];
        private int stamp;

        private Scorer() {}

        /** The baskets the model was trained on (customer rows, products and categories). */
        public Baskets baskets() {
            return baskets;
        }

        /** The customer's best {@code n} next products: co-occurrence first, then the popularity fill. */
        public List<Suggestion> next(int row, int n) {
            return suggest(row, n, true);
        }

        /** The popularity baseline: the most bought products she may still buy (same exclusion). */
        public List<Suggestion> popular(int row, int n) {
            return suggest(row, n, false);
        }

        private List<Suggestion> suggest(int row, int n, boolean cooccurrence) {
            int distinct = history.load(row);
            stamp++;
            int owned = stamp;
            for (int i = 0; i < distinct; i++) {
                seen[history.products[i]] = owned;
            }
            List<Suggestion> out = new ArrayList<>(n);
            stamp++;
            int chosen = stamp;
            if (cooccurrence) {
                int t = 0;
                int r = history.recent(recent);
                int today = history.lastOrderDay;
                // recency weights of her history; the co-occurrence and prior parts are weighted means over it
                double weights = 0;
                double w = 0;
                for (int i = 0; i < r; i++) {
                    int p = recent[i];
                    double rw = recency(today - history.lastDay[p]);
                    weights += rw;
                    w += rw * options.prior() / (buyers[p] + options.prior());
                    for (int x = neighbourStart[p]; x < neighbourStart[p + 1]; x++) {
                        int q = neighbour[x];
                        if (seen[q] == owned && !kept(q)) {
                            continue;
                        }
                        if (score[q] == 0) {
                            touched[t++] = q;
                        }
                        score[q] += rw * similarity[x];
                    }
                }
                if (weights > 0) {
                    for (int i = 0; i < t; i++) {
                        score[touched[i]] /= weights;
                    }
                    w /= weights;
                }
                // the prior: every candidate also scores w * share of buyers; the most bought products are
                // candidates even without a co-occurrence
                if (w > 0) {
                    for (int i = 0; i < t; i++) {
                        int q = touched[i];
                        score[q] += w * buyers[q] / buyerTotal;
                    }
                    int added = 0;
                    for (int i = 0; i < popular.length && added < POPULAR_CANDIDATES; i++) {
                        int q = popular[i];
                        if (buyers[q] == 0) {
                            break;
                        }
                        if (score[q] != 0 || (seen[q] == owned && !kept(q))) {
                            continue;
                        }
                        touched[t++] = q;
                        score[q] = w * buyers[q] / buyerTotal;
                        added++;
                    }
                }
                // buying again: her own rate of the product, smoothed towards the store's repeat share, by recency
                int orders = history.orderCount;
                for (int i = 0; i < distinct; i++) {
                    int p = history.products[i];
                    if (kept(p)) {
                        double again = options.repeatWeight()
                                * (history.orders[p] - 1 + REPEAT_SMOOTHING * repeat[p])
                                / (orders - 1 + REPEAT_SMOOTHING)
                                * recency(today - history.lastDay[p]);
                        if (again > 0) {
                            if (score[p] == 0) {
                                touched[t++] = p;
                            }
                            score[p] += again;
                        }
                    }
                }
                top(t, n, out, chosen);
            }
            for (int i = 0; i < popular.length && out.size() < n; i++) {
                int p = popular[i];
                if (buyers[p] == 0) {
                    break;
                }
                if (seen[p] == chosen || (seen[p] == owned && !kept(p))) {
                    continue;
                }
                seen[p] = chosen;
                out.add(new Suggestion(p, 0, true));
            }
            return out;
        }

        /** An owned product stays a candidate when the store buys it again and again, or she did. */
        private boolean kept(int p) {
            return repeatable[p] || history.orders[p] >= 2;
        }

        private double recency(int days) {
            return options.halfLife() == 0 ? 1 : Math.pow(0.5, days / options.halfLife());
        }

        /** Moves the best {@code n} of the touched scores into {@code out} (score desc, code asc) and clears all. */
        private void top(int t, int n, List<Suggestion> out, int chosen) {
            // a small selection: n is small (10), t may be thousands
            int k = Math.min(n, t);
            int[] best = new int[k];
            int size = 0;
            for (int i = 0; i < t; i++) {
                int q = touched[i];
                if (size < k) {
                    best[size++] = q;
                    sift(best, size);
                } else if (better(q, best[k - 1])) {
                    best[k - 1] = q;
                    sift(best, k);
                }
            }
            for (int i = 0; i < size; i++) {
                out.add(new Suggestion(best[i], score[best[i]], false));
                seen[best[i]] = chosen;
            }
            for (int i = 0; i < t; i++) {
                score[touched[i]] = 0;
            }
        }

        private void sift(int[] best, int size) {
            for (int i = size - 1; i > 0 && better(best[i], best[i - 1]); i--) {
                int tmp = best[i];
                best[i] = best[i - 1];
                best[i - 1] = tmp;
            }
        }

        private boolean better(int a, int b) {
            return score[a] > score[b] || (score[a] == score[b] && a < b);
        }

        /**
         * The most likely next category: the category with the highest summed score over the customer's best
         * {@code n} suggestions (a fill counts as the smallest positive weight, by rank; on a tie the category met
         * first, at the better rank, wins); {@link Baskets#NO_CATEGORY} when none. {@link NextCategories} is the
         * published definition ({@value NextCategories#SUGGESTIONS} suggestions, none without an order).
         */
        public int nextCategory(int row, int n) {
            List<Suggestion> suggestions = next(row, n);
            double[] weight = new double[baskets.categoryCount()];
            int best = Baskets.NO_CATEGORY;
            for (int i = 0; i < suggestions.size(); i++) {
                Suggestion s = suggestions.get(i);
                int k = baskets.category(s.product());
                if (k == Baskets.NO_CATEGORY) {
                    continue;
                }
                weight[k] += s.popular() ? 1e-9 * (n - i) : s.score();
                if (best == Baskets.NO_CATEGORY || weight[k] > weight[best]) {
                    best = k;
                }
            }
            return best;
        }
    }

    /** A customer's distinct products, orders per product and last day, from the baskets; buffers reused. */
    private static final class History {

        private final Baskets baskets;
        final int[] products;
        final int[] orders;
        final int[] lastDay;
        /** The loaded customer's orders and the day of her last one. */
        int orderCount;

        int lastOrderDay;
        private int distinct;

        History(Baskets baskets) {
            this.baskets = baskets;
            this.products = new int[baskets.productCount()];
            this.orders = new int[baskets.productCount()];
            this.lastDay = new int[baskets.productCount()];
        }

        /** Loads customer {@code row}; returns her distinct products (in {@code products[0..n)}). */
        int load(int row) {
            for (int i = 0; i < distinct; i++) {
                orders[products[i]] = 0;
            }
            distinct = 0;
            orderCount = baskets.orderStart(row + 1) - baskets.orderStart(row);
            lastOrderDay = 0;
            for (int o = baskets.orderStart(row); o < baskets.orderStart(row + 1); o++) {
                int day = baskets.day(o);
                lastOrderDay = Math.max(lastOrderDay, day);
                for (int l = baskets.lineStart(o); l < baskets.lineStart(o + 1); l++) {
                    int p = baskets.product(l);
                    if (orders[p]++ == 0) {
                        products[distinct++] = p;
                    }
                    lastDay[p] = day;
                }
            }
            return distinct;
        }

        /** The loaded customer's most recent distinct products (last day desc, code asc), at most {@code out.length}. */
        int recent(int[] out) {
            if (distinct <= out.length) {
                System.arraycopy(products, 0, out, 0, distinct);
                return distinct;
            }
            long[] keys = new long[distinct];
            for (int i = 0; i < distinct; i++) {
                int p = products[i];
                keys[i] = ((long) (Integer.MAX_VALUE - lastDay[p]) << 32) | p;
            }
            Arrays.sort(keys);
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) keys[i];
            }
            return out.length;
        }
    }
}
