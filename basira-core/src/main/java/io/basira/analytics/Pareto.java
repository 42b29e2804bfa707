package io.basira.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The 80/20 view (docs/analytics.md, "80/20"): how much of the revenue the top X% of buyers bring, the
 * concentration curve, and each buyer's {@code revenue_percentile}.
 *
 * <p>Buyers are customers with at least one counted order in the period; spend is the sum of those orders.
 * The top X% are the first ceil(X·N/100) buyers by spend, highest first; which of several buyers with equal
 * spend is taken does not change the sum. {@code revenue_percentile} = 100·(N − G)/N where G is the number
 * of buyers who spent strictly more (ties share the best rank), two decimals half-up: the top buyer has 100,
 * and a buyer is in the top X% exactly when her percentile is greater than 100 − X.
 */
public final class Pareto {

    /** The X values of {@link Report#top()}. */
    public static final List<Integer> TOP_PERCENTS = List.of(1, 5, 10, 20, 50);

    private Pareto() {}

    /** Revenue share of the top {@code percent}% of buyers ({@code customers} of them); null without revenue. */
    public record TopShare(int percent, int customers, BigDecimal revenue, BigDecimal revenueShare) {}

    /** @param revenueShare cumulative revenue share of the top {@code customerPercent}% of buyers */
    public record CurvePoint(int customerPercent, BigDecimal revenueShare) {}

    /** @param revenuePercentiles each buyer's percentile, by customer id; computed when first looked into */
    public record Report(
            int buyers,
            BigDecimal revenue,
            List<TopShare> top,
            List<CurvePoint> curve,
            Map<String, BigDecimal> revenuePercentiles) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        StoreFacts.Window w = facts.window(window);
        Spend spend = spend(w);
        int n = spend.rows().length;
        long[] descending = spend.descending();
        long total = spend.cumulative()[n];
        long[] cumulative = spend.cumulative();
        List<TopShare> top = new ArrayList<>();
        for (int percent : TOP_PERCENTS) {
            int k = topCount(percent, n);
            top.add(new TopShare(percent, k, facts.money(cumulative[k]), Ratios.of(cumulative[k], total)));
        }
        List<CurvePoint> curve = new ArrayList<>();
        for (int percent = 0; percent <= 100 && n > 0; percent++) {
            curve.add(new CurvePoint(percent, Ratios.of(cumulative[topCount(percent, n)], total)));
        }
        Map<String, BigDecimal> percentiles = new OnDemandMap<>(n, () -> {
            String[] ids = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = facts.customerId(spend.rows()[i]);
            }
            return new ColumnMap<>(ids, percentiles(spend.values(), descending));
        });
        return new Report(n, facts.money(total), top, curve, percentiles);
    }

    /** The buyers of a window (rows in row order), their spend, the spend sorted highest first and its running sums. */
    record Spend(int[] rows, long[] values, long[] descending, long[] cumulative) {}

    static Spend spend(StoreFacts.Window w) {
        int n = w.buyers();
        int[] rows = new int[n];
        long[] values = new long[n];
        for (int c = 0, i = 0; c < w.orders().length; c++) {
            if (w.orders()[c] > 0) {
                rows[i] = c;
                values[i++] = w.spend()[c];
            }
        }
        long[] descending = values.clone();
        Arrays.sort(descending);
        for (int i = 0, j = n - 1; i < j; i++, j--) {
            long swap = descending[i];
            descending[i] = descending[j];
            descending[j] = swap;
        }
        long[] cumulative = new long[n + 1];
        for (int k = 0; k < n; k++) {
            cumulative[k + 1] = cumulative[k] + descending[k];
        }
        return new Spend(rows, values, descending, cumulative);
    }

    /** Each buyer's revenue_percentile, in the order of {@code spend}; one value per distinct rank. */
    static BigDecimal[] percentiles(long[] spend, long[] descending) {
        int n = spend.length;
        BigDecimal[] byRank = new BigDecimal[n + 1];
        BigDecimal[] result = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            int greater = strictlyGreater(descending, spend[i]);
            BigDecimal p = byRank[greater];
            if (p == null) {
                // 100 (n - G) / n to two decimals half-up, in exact integers: floor((2a + n) / 2n) hundredths, a =
                // 10000 (n - G)
                long a = 10_000L * (n - greater);
                p = BigDecimal.valueOf((2 * a + n) / (2L * n), 2);
                byRank[greater] = p;
            }
            result[i] = p;
        }
        return result;
    }

    /** ceil(percent · n / 100). */
    static int topCount(int percent, int n) {
        return (int) ((percent * (long) n + 99) / 100);
    }

    /** How many values of {@code descending} are strictly greater than {@code value} (binary search). */
    private static int strictlyGreater(long[] descending, long value) {
        int lo = 0;
        int hi = descending.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (descending[mid] > value) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
