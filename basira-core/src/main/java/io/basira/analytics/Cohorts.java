package io.basira.analytics;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Monthly acquisition cohorts (docs/analytics.md, "Cohorts"). A customer's cohort is the calendar month
 * (store time zone) of her first counted order in the whole history up to as-of; the window's period
 * selects which cohorts are shown (those whose month contains a day of the period). For each cohort and
 * each month offset m = 0, 1, … up to the as-of month: the cohort customers with a counted order in month
 * cohort + m, their share of the cohort, and the revenue of those orders. Month 0 is always 100%.
 */
public final class Cohorts {

    private Cohorts() {}

    public record CohortMonth(int offset, int buyers, BigDecimal buyerShare, long orders, BigDecimal revenue) {}

    public record Cohort(YearMonth month, int customers, List<CohortMonth> months) {}

    public record Report(List<Cohort> cohorts) {}

    /** One scan over every customer's counted orders up to as-of. */
    public static Report of(StoreFacts facts, AnalysisWindow window) {
        int asOf = (int) window.asOf().toEpochDay();
        int last = StoreFacts.monthOf(window.asOf());
        int periodEnd = StoreFacts.monthOf(window.end());
        int periodStart = window.start().map(StoreFacts::monthOf).orElse(Integer.MIN_VALUE);
        int[] members = new int[0];
        int[][] buyers = new int[0][];
        long[][] orders = new long[0][];
        long[][] revenue = new long[0][];
        int firstCohort = Integer.MAX_VALUE;
        for (int c = 0, rows = facts.rows(); c < rows; c++) {
            int first = facts.firstCountedDay(c);
            if (first > asOf) {
                continue;
            }
            int cohort = facts.month(first);
            if (cohort > periodEnd || cohort < periodStart) {
                continue;
            }
            if (firstCohort == Integer.MAX_VALUE) {
                firstCohort = cohort;
            }
            if (cohort < firstCohort) {
                int shift = firstCohort - cohort;
                members = shifted(members, shift);
                buyers = shifted(buyers, shift);
                orders = shifted(orders, shift);
                revenue = shifted(revenue, shift);
                firstCohort = cohort;
            }
            int k = cohort - firstCohort;
            if (k >= members.length) {
                int size = Math.max(k + 1, members.length * 2);
                members = java.util.Arrays.copyOf(members, size);
                buyers = java.util.Arrays.copyOf(buyers, size);
                orders = java.util.Arrays.copyOf(orders, size);
                revenue = java.util.Arrays.copyOf(revenue, size);
            }
            if (buyers[k] == null) {
                int span = last - cohort + 1;
                buyers[k] = new int[span];
                orders[k] = new long[span];
                revenue[k] = new long[span];
            }
            members[k]++;
            int previous = -1;
            for (int o = facts.orderStart(c), e = facts.orderStart(c + 1); o < e; o++) {
                int d = facts.day(o);
                if (d > asOf) {
                    break;
                }
                if (facts.counted(o)) {
                    int offset = facts.month(d) - cohort;
                    if (offset != previous) {
                        buyers[k][offset]++;
                        previous = offset;
                    }
                    orders[k][offset]++;
                    revenue[k][offset] += facts.totalMinor(o);
                }
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (int k = 0; k < members.length; k++) {
            if (members[k] == 0) {
                continue;
            }
            List<CohortMonth> months = new ArrayList<>(buyers[k].length);
            for (int m = 0; m < buyers[k].length; m++) {
                months.add(new CohortMonth(
                        m,
                        buyers[k][m],
                        Ratios.of(buyers[k][m], members[k]),
                        orders[k][m],
                        facts.money(revenue[k][m])));
            }
            int month = firstCohort + k;
            cohorts.add(new Cohort(
                    YearMonth.of(Math.floorDiv(month, 12), Math.floorMod(month, 12) + 1), members[k], months));
        }
        return new Report(cohorts);
    }

    private static int[] shifted(int[] values, int shift) {
        int[] out = new int[values.length + shift];
        System.arraycopy(values, 0, out, shift, values.length);
        return out;
    }

    private static <T> T[] shifted(T[] values, int shift) {
        T[] out = java.util.Arrays.copyOf(values, values.length + shift);
        java.util.Arrays.fill(out, null);
        System.arraycopy(values, 0, out, shift, values.length);
        return out;
    }
}
