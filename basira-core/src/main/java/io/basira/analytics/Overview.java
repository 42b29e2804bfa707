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
        LocalDate toDate = window.end();
        LocalDate fromDate = window.start().orElse(toDate.minusDays(DEFAULT_DAYS - 1));
        long length = ChronoUnit.DAYS.between(fromDate, toDate) + 1;
        int to = (int) toDate.toEpochDay();
        int from = (int) fromDate.toEpochDay();
        int previousFrom = (int) fromDate.minusDays(length).toEpochDay();
        long orders = 0;
        long revenue = 0;
        int buyers = 0;
        int newCustomers = 0;
        int repeaters = 0;
        long newTotal = 0;
        long newOrders = 0;
        long returningTotal = 0;
        long returningOrders = 0;
        int previousBuyers = 0;
        int retained = 0;
        for (int c = 0, rows = facts.rows(); c < rows; c++) {
            int first = facts.firstCountedDay(c);
            if (first > to) {
                continue;
            }
            boolean isNew = first >= from;
            boolean boughtInPeriod = false;
            boolean boughtBefore = false;
            int counted = 0;
            for (int o = facts.orderStart(c), e = facts.orderStart(c + 1); o < e; o++) {
                int d = facts.day(o);
                if (d > to) {
                    break;
                }
                if (!facts.counted(o)) {
                    continue;
                }
                counted++;
                if (d >= from) {
                    boughtInPeriod = true;
                    orders++;
                    long t = facts.totalMinor(o);
                    revenue += t;
                    if (isNew) {
                        newTotal += t;
                        newOrders++;
                    } else {
                        returningTotal += t;
                        returningOrders++;
                    }
                } else if (d >= previousFrom) {
                    boughtBefore = true;
                }
            }
            if (boughtBefore) {
                previousBuyers++;
                retained += boughtInPeriod ? 1 : 0;
            }
            if (boughtInPeriod) {
                buyers++;
                newCustomers += isNew ? 1 : 0;
                repeaters += counted >= 2 ? 1 : 0;
            }
        }
        int signups = 0;
        for (int c = 0, known = facts.customerCount(); c < known; c++) {
            int d = facts.signupDay(c);
            signups += d >= from && d <= to ? 1 : 0;
        }
        return new Report(
                fromDate,
                toDate,
                orders,
                facts.money(revenue),
                buyers,
                newCustomers,
                buyers - newCustomers,
                Ratios.of(repeaters, buyers),
                Ratios.of(retained, previousBuyers),
                facts.average(newTotal, newOrders),
                facts.average(returningTotal, returningOrders),
                previousBuyers,
                retained,
                signups);
    }
}
