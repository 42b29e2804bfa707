package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        Map<String, List<Purchase>> histories = facts.histories(AnalysisWindow.asOf(window.asOf()));
        YearMonth last = YearMonth.from(window.asOf());
        YearMonth periodEnd = YearMonth.from(window.end());
        YearMonth periodStart = window.start().map(YearMonth::from).orElse(null);
        Map<YearMonth, List<List<Purchase>>> byCohort = new TreeMap<>();
        for (List<Purchase> history : histories.values()) {
            YearMonth cohort = YearMonth.from(history.get(0).day());
            if (!cohort.isAfter(periodEnd) && (periodStart == null || !cohort.isBefore(periodStart))) {
                byCohort.computeIfAbsent(cohort, k -> new ArrayList<>()).add(history);
            }
        }
        List<Cohort> cohorts = new ArrayList<>();
        byCohort.forEach((month, members) -> cohorts.add(cohort(facts, month, members, last)));
        return new Report(cohorts);
    }

    private static Cohort cohort(StoreFacts facts, YearMonth month, List<List<Purchase>> members, YearMonth last) {
        int span = (int) ChronoUnit.MONTHS.between(month, last) + 1;
        List<Set<Integer>> buyers = new ArrayList<>();
        long[] orders = new long[span];
        long[] revenue = new long[span];
        for (int m = 0; m < span; m++) {
            buyers.add(new HashSet<>());
        }
        for (int member = 0; member < members.size(); member++) {
            for (Purchase p : members.get(member)) {
                int offset = (int) ChronoUnit.MONTHS.between(month, YearMonth.from(p.day()));
                buyers.get(offset).add(member);
                orders[offset]++;
                revenue[offset] += p.totalMinor();
            }
        }
        List<CohortMonth> months = new ArrayList<>();
        for (int m = 0; m < span; m++) {
            int count = buyers.get(m).size();
            months.add(new CohortMonth(m, count, Ratios.of(count, members.size()), orders[m], facts.money(revenue[m])));
        }
        return new Cohort(month, members.size(), months);
    }
}
