package io.basira.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * The store at a glance for one period (docs/analytics.md, "Overview"). The period is the window's
 * {@code from..to}; without {@code from} it is the {@value #DEFAULT_DAYS} days ending at {@code to}.
 * The previous period is the one of the same length just before it. Counted orders only; a customer's
 * "first order" is their first counted order in the whole history up to {@code to}.
 */
public final class Overview {

    public static final int DEFAULT_DAYS = 30;

    private Overview() {}

    /**
     * @param period first and last day (inclusive) of the analysed period
     * @param newCustomers buyers in the period whose first counted order is in the period
     * @param returningCustomers buyers in the period who had a counted order before it
     * @param repeatPurchaseRate share of the period's buyers with at least two counted orders by its end; null without buyers
     * @param retentionRate share of the previous period's buyers who bought again in this one; null when it had none
     * @param aovNew revenue / orders of new customers in the period (major unit); null without such orders
     * @param aovReturning the same for returning customers
     */
    public record Report(
            LocalDate from,
            LocalDate to,
            long orders,
            BigDecimal revenue,
            int buyers,
            int newCustomers,
            int returningCustomers,
            BigDecimal repeatPurchaseRate,
            BigDecimal retentionRate,
            BigDecimal aovNew,
            BigDecimal aovReturning,
            int previousPeriodBuyers,
            int retainedCustomers,
            int signups) {}

    /** One scan over every customer's orders up to {@code to}. */
    public static Report of(StoreFacts facts, AnalysisWindow window) {
        return of(facts, java.util.List.of(window)).get(0);
    }

    /**
     * The reports of several windows in one scan over every customer's orders up to the latest {@code to}, each as
     * if scanned alone (the dashboard's overview asks for a period and each of twelve months: one scan, not thirteen).
     */
    public static java.util.List<Report> of(StoreFacts facts, java.util.List<AnalysisWindow> windows) {
        int n = windows.size();
        LocalDate[] fromDates = new LocalDate[n];
        LocalDate[] toDates = new LocalDate[n];
        int[] to = new int[n];
        int[] from = new int[n];
        int[] previousFrom = new int[n];
        int lastTo = Integer.MIN_VALUE;
        for (int w = 0; w < n; w++) {
            AnalysisWindow window = windows.get(w);
            toDates[w] = window.end();
            fromDates[w] = window.start().orElse(toDates[w].minusDays(DEFAULT_DAYS - 1));
            long length = ChronoUnit.DAYS.between(fromDates[w], toDates[w]) + 1;
            to[w] = (int) toDates[w].toEpochDay();
            from[w] = (int) fromDates[w].toEpochDay();
            previousFrom[w] = (int) fromDates[w].minusDays(length).toEpochDay();
            lastTo = Math.max(lastTo, to[w]);
        }
        long[] orders = new long[n];
        long[] revenue = new long[n];
        int[] buyers = new int[n];
        int[] newCustomers = new int[n];
        int[] repeaters = new int[n];
        long[] newTotal = new long[n];
        long[] newOrders = new long[n];
        long[] returningTotal = new long[n];
        long[] returningOrders = new long[n];
        int[] previousBuyers = new int[n];
        int[] retained = new int[n];
        boolean[] isNew = new boolean[n];
        boolean[] boughtInPeriod = new boolean[n];
        boolean[] boughtBefore = new boolean[n];
        int[] counted = new int[n];
        for (int c = 0, rows = facts.rows(); c < rows; c++) {
            int first = facts.firstCountedDay(c);
            if (first > lastTo) {
                continue;
            }
            for (int w = 0; w < n; w++) {
                isNew[w] = first >= from[w];
                boughtInPeriod[w] = false;
                boughtBefore[w] = false;
                counted[w] = 0;
            }
            for (int o = facts.orderStart(c), e = facts.orderStart(c + 1); o < e; o++) {
                int d = facts.day(o);
                if (d > lastTo) {
                    break;
                }
                if (!facts.counted(o)) {
                    continue;
                }
                long t = facts.totalMinor(o);
                for (int w = 0; w < n; w++) {
                    if (d > to[w]) {
                        continue;
                    }
                    counted[w]++;
                    if (d >= from[w]) {
                        boughtInPeriod[w] = true;
                        orders[w]++;
                        revenue[w] += t;
                        if (isNew[w]) {
                            newTotal[w] += t;
                            newOrders[w]++;
                        } else {
                            returningTotal[w] += t;
                            returningOrders[w]++;
                        }
                    } else if (d >= previousFrom[w]) {
                        boughtBefore[w] = true;
                    }
                }
            }
            for (int w = 0; w < n; w++) {
                if (first > to[w]) {
                    continue;
                }
                if (boughtBefore[w]) {
                    previousBuyers[w]++;
                    retained[w] += boughtInPeriod[w] ? 1 : 0;
                }
                if (boughtInPeriod[w]) {
                    buyers[w]++;
                    newCustomers[w] += isNew[w] ? 1 : 0;
                    repeaters[w] += counted[w] >= 2 ? 1 : 0;
                }
            }
        }
        java.util.List<Report> reports = new java.util.ArrayList<>(n);
        for (int w = 0; w < n; w++) {
            int signups = 0;
            for (int c = 0, known = facts.customerCount(); c < known; c++) {
                int d = facts.signupDay(c);
                signups += d >= from[w] && d <= to[w] ? 1 : 0;
            }
            reports.add(new Report(
                    fromDates[w],
                    toDates[w],
                    orders[w],
                    facts.money(revenue[w]),
                    buyers[w],
                    newCustomers[w],
                    buyers[w] - newCustomers[w],
                    Ratios.of(repeaters[w], buyers[w]),
                    Ratios.of(retained[w], previousBuyers[w]),
                    facts.average(newTotal[w], newOrders[w]),
                    facts.average(returningTotal[w], returningOrders[w]),
                    previousBuyers[w],
                    retained[w],
                    signups));
        }
        return reports;
    }
}
