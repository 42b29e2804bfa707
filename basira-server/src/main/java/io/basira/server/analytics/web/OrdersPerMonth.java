package io.basira.server.analytics.web;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.ObjLongConsumer;

/**
 * Counts orders and sums their totals per calendar month of the store's time zone, for the
 * overview chart. Months between the first and the last one with orders are present with zeros;
 * only the most recent {@code maxMonths} are kept. Not thread-safe.
 */
public final class OrdersPerMonth implements ObjLongConsumer<Instant> {

    /** One month of the chart; {@code revenueMinor} in minor units of the store's currency. */
    public record Month(YearMonth month, long orders, long revenueMinor) {}

    private final ZoneId zone;
    private final int maxMonths;
    private final TreeMap<YearMonth, long[]> months = new TreeMap<>();

    public OrdersPerMonth(ZoneId zone, int maxMonths) {
        if (maxMonths < 1) {
            throw new IllegalArgumentException("maxMonths must be at least 1, not " + maxMonths);
        }
        this.zone = zone;
        this.maxMonths = maxMonths;
    }

    @Override
    public void accept(Instant createdAt, long totalMinor) {
        long[] sums = months.computeIfAbsent(YearMonth.from(createdAt.atZone(zone)), m -> new long[2]);
        sums[0]++;
        sums[1] += totalMinor;
    }

    /** The months in calendar order, at most {@code maxMonths}, ending with the last month that has orders. */
    public List<Month> months() {
        List<Month> result = new ArrayList<>();
        if (months.isEmpty()) {
            return result;
        }
        YearMonth last = months.lastKey();
        YearMonth first = months.firstKey();
        if (first.plusMonths(maxMonths - 1L).isBefore(last)) {
            first = last.minusMonths(maxMonths - 1L);
        }
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            long[] sums = months.getOrDefault(m, new long[2]);
            result.add(new Month(m, sums[0], sums[1]));
        }
        return result;
    }
}
