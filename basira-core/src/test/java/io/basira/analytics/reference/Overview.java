package io.basira.analytics.reference;

import io.basira.analytics.*;
import io.basira.analytics.reference.StoreFacts.Purchase;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

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

    public static Report of(StoreFacts facts, AnalysisWindow window) {
        LocalDate to = window.end();
        LocalDate from = window.start().orElse(to.minusDays(DEFAULT_DAYS - 1));
        long length = ChronoUnit.DAYS.between(from, to) + 1;
        LocalDate previousFrom = from.minusDays(length);
        Map<String, List<Purchase>> histories = facts.histories(new AnalysisWindow(window.asOf(), null, to));
        long orders = 0;
        long revenue = 0;
        int buyers = 0;
        int newCustomers = 0;
        int repeaters = 0;
        long[] newTotals = new long[2];
        long[] returningTotals = new long[2];
        int previousBuyers = 0;
        int retained = 0;
        for (List<Purchase> history : histories.values()) {
            boolean isNew = !history.get(0).day().isBefore(from);
            boolean boughtInPeriod = false;
            boolean boughtBefore = false;
            for (Purchase p : history) {
                if (!p.day().isBefore(from)) {
                    boughtInPeriod = true;
                    orders++;
                    revenue += p.totalMinor();
                    long[] totals = isNew ? newTotals : returningTotals;
                    totals[0] += p.totalMinor();
                    totals[1]++;
                } else if (!p.day().isBefore(previousFrom)) {
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
                repeaters += history.size() >= 2 ? 1 : 0;
            }
        }
        int signups = (int) facts.customers().stream()
                .map(c -> io.basira.shared.Dates.dateIn(c.createdAt(), facts.zone()))
                .filter(d -> !d.isBefore(from) && !d.isAfter(to))
                .count();
        return new Report(
                from,
                to,
                orders,
                facts.money(revenue),
                buyers,
                newCustomers,
                buyers - newCustomers,
                Ratios.of(repeaters, buyers),
                Ratios.of(retained, previousBuyers),
                facts.average(newTotals[0], newTotals[1]),
                facts.average(returningTotals[0], returningTotals[1]),
                previousBuyers,
                retained,
                signups);
    }
}
