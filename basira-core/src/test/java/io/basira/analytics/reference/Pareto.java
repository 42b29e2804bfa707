package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
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

    public record Report(
            int buyers,
            BigDecimal revenue,
            List<TopShare> top,
            List<CurvePoint> curve,
            Map<String, BigDecimal> revenuePercentiles) {}

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        Map<String, List<Purchase>> histories = facts.histories(window);
        int n = histories.size();
        String[] ids = histories.keySet().toArray(String[]::new);
        long[] spend = new long[n];
        int i = 0;
        long total = 0;
        for (List<Purchase> history : histories.values()) {
            spend[i] = history.stream().mapToLong(Purchase::totalMinor).sum();
            total += spend[i++];
        }
        long[] descending = Arrays.stream(spend)
                .boxed()
                .sorted((a, b) -> Long.compare(b, a))
                .mapToLong(Long::longValue)
                .toArray();
        long[] cumulative = new long[n + 1];
        for (int k = 0; k < n; k++) {
            cumulative[k + 1] = cumulative[k] + descending[k];
        }
        List<TopShare> top = new ArrayList<>();
        for (int percent : TOP_PERCENTS) {
            int k = topCount(percent, n);
            top.add(new TopShare(percent, k, facts.money(cumulative[k]), Ratios.of(cumulative[k], total)));
        }
        List<CurvePoint> curve = new ArrayList<>();
        for (int percent = 0; percent <= 100 && n > 0; percent++) {
            curve.add(new CurvePoint(percent, Ratios.of(cumulative[topCount(percent, n)], total)));
        }
        return new Report(n, facts.money(total), top, curve, percentiles(ids, spend, descending));
    }

    /** ceil(percent · n / 100). */
    static int topCount(int percent, int n) {
        return (int) ((percent * (long) n + 99) / 100);
    }

    private static Map<String, BigDecimal> percentiles(String[] ids, long[] spend, long[] descending) {
        int n = ids.length;
        Map<String, BigDecimal> result = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            int greater = strictlyGreater(descending, spend[i]);
            result.put(
                    ids[i],
                    BigDecimal.valueOf(100L * (n - greater)).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
        }
        return result;
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
