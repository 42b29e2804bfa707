package io.basira.server.analytics.web;

import io.basira.analytics.StoreFacts;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Counts the counted orders (pending, processing, completed) and sums their totals per calendar month of the store's
 * time zone, for the overview chart, from the store's order columns in memory (a store of 1,000,000 orders was
 * streamed from the database on every visit, 0.7 s). Months between the first and the last one with orders are
 * present with zeros; only the most recent {@code maxMonths} are kept.
 */
public final class OrdersPerMonth {

    /** One month of the chart; {@code revenueMinor} in minor units of the store's currency. */
    public record Month(YearMonth month, long orders, long revenueMinor) {}

    private OrdersPerMonth() {}

    /**
     * The months, in calendar order, ending with the last month that has orders: summed per store-local day first (the
     * accepted dates, 1900–2199, span about 110,000 days), so each day's month is worked out once.
     */
    public static List<Month> of(StoreFacts facts, int maxMonths) {
        if (maxMonths < 1) {
            throw new IllegalArgumentException("maxMonths must be at least 1, not " + maxMonths);
        }
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        for (int o = 0; o < facts.orderCount(); o++) {
            if (facts.counted(o)) {
                first = Math.min(first, facts.day(o));
                last = Math.max(last, facts.day(o));
            }
        }
        List<Month> result = new ArrayList<>();
        if (first > last) {
            return result;
        }
        long[] orders = new long[last - first + 1];
        long[] totals = new long[orders.length];
        for (int o = 0; o < facts.orderCount(); o++) {
            if (facts.counted(o)) {
                orders[facts.day(o) - first]++;
                totals[facts.day(o) - first] += facts.totalMinor(o);
            }
        }
        TreeMap<YearMonth, long[]> months = new TreeMap<>();
        for (int d = 0; d < orders.length; d++) {
            if (orders[d] > 0) {
                long[] sums = months.computeIfAbsent(
                        YearMonth.from(LocalDate.ofEpochDay(first + (long) d)), m -> new long[2]);
                sums[0] += orders[d];
                sums[1] += totals[d];
            }
        }
        YearMonth lastMonth = months.lastKey();
        YearMonth firstMonth = months.firstKey();
        if (firstMonth.plusMonths(maxMonths - 1L).isBefore(lastMonth)) {
            firstMonth = lastMonth.minusMonths(maxMonths - 1L);
        }
        for (YearMonth m = firstMonth; !m.isAfter(lastMonth); m = m.plusMonths(1)) {
            long[] sums = months.getOrDefault(m, new long[2]);
            result.add(new Month(m, sums[0], sums[1]));
        }
        return result;
    }
}
