package io.basira.server.analytics.web;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.Cohorts;
import io.basira.analytics.CustomerTypes;
import io.basira.analytics.DiscountSensitivity;
import io.basira.analytics.Overview;
import io.basira.analytics.Pareto;
import io.basira.analytics.Rfm;
import io.basira.analytics.StoreFacts;
import io.basira.analytics.region.PopulationTable;
import io.basira.analytics.region.Regions;
import io.basira.server.analytics.ClvReport;
import io.basira.server.analytics.StoreAnalytics;
import io.basira.server.analytics.api.AnalysisRequest;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The analyses of docs/analytics.md as the dashboard pages need them: the typed results of the same core
 * calculations that {@link StoreAnalytics} turns into {@code GET /api/v1/analytics/{name}} (the pages
 * format them; the API publishes their JSON), the stored card fields of one customer, and the refresh of
 * those fields ({@code POST /api/v1/analytics/refresh}). Each call reads the store's order columns in
 * memory ({@code AnalyticsData}), current with every committed write; the results are cached with the
 * API's, by store, window and data version ({@link StoreAnalytics#cachedResult}). Thread-safe.
 */
public final class DashboardAnalytics {

    /** The overview KPIs of a period and the same figures for each of the last calendar months. */
    public record OverviewWithMonths(Overview.Report period, List<MonthOverview> months) {}

    /** The overview figures of one calendar month (up to as-of for the current month). */
    public record MonthOverview(YearMonth month, Overview.Report report) {}

    private final StoreAnalytics analytics;
    private final JdbcCustomerAnalytics cards;

    public DashboardAnalytics(StoreAnalytics analytics, JdbcCustomerAnalytics cards) {
        this.analytics = analytics;
        this.cards = cards;
    }

    /**
     * The period's overview and the last {@code months} calendar months up to the month of as-of (months
     * before the store's first counted order are left out).
     */
    public OverviewWithMonths overview(Store store, AnalysisWindow window, int months) {
        return result(store, "dashboard-overview-" + months, window, data -> overview(data, window, months));
    }

    /**
     * The dashboard's result of {@code compute}: of the current data, or of data that missed only the last
     * {@code basira.analytics.stale-for} of writes while the current one is made ({@link StoreAnalytics#recent}).
     */
    private <T> T result(Store store, String what, AnalysisWindow window, Function<StoreFacts, T> compute) {
        return analytics.recent(store, what, window, null, () -> analytics.cachedResult(store, what, window, compute));
    }

    /** The period and each month in one scan of the orders ({@link Overview#of(StoreFacts, List)}). */
    private static OverviewWithMonths overview(StoreFacts data, AnalysisWindow window, int months) {
        LocalDate asOf = window.asOf();
        Optional<LocalDate> first = firstCountedDay(data, asOf);
        List<YearMonth> shown = new ArrayList<>();
        List<AnalysisWindow> windows = new ArrayList<>(List.of(window));
        if (first.isPresent()) {
            YearMonth last = YearMonth.from(asOf);
            YearMonth start = last.minusMonths(months - 1L);
            YearMonth firstMonth = YearMonth.from(first.get());
            for (YearMonth m = start.isBefore(firstMonth) ? firstMonth : start; !m.isAfter(last); m = m.plusMonths(1)) {
                LocalDate end = m.atEndOfMonth().isAfter(asOf) ? asOf : m.atEndOfMonth();
                shown.add(m);
                windows.add(new AnalysisWindow(asOf, m.atDay(1), end));
            }
        }
        List<Overview.Report> reports = Overview.of(data, windows);
        List<MonthOverview> result = new ArrayList<>();
        for (int i = 0; i < shown.size(); i++) {
            result.add(new MonthOverview(shown.get(i), reports.get(i + 1)));
        }
        return new OverviewWithMonths(reports.get(0), result);
    }

    /** The store's first day with a counted order, up to {@code asOf}. */
    private static Optional<LocalDate> firstCountedDay(StoreFacts data, LocalDate asOf) {
        int first = StoreFacts.NONE;
        for (int c = 0; c < data.rows(); c++) {
            first = Math.min(first, data.firstCountedDay(c));
        }
        return first == StoreFacts.NONE || first > asOf.toEpochDay()
                ? Optional.empty()
                : Optional.of(LocalDate.ofEpochDay(first));
    }

    /**
     * The store's totals over its cards ({@code read}: a sum over every customer's row, a quarter of a second at a
     * million customers), kept per data version and, like the analyses, answered from the last while the writes it
     * missed are recent.
     */
    public <T> T cardTotals(Store store, Supplier<T> read) {
        return analytics.recent(
                store,
                "dashboard-totals",
                null,
                null,
                () -> analytics.cachedAtVersion(store, "dashboard-totals", read));
    }

    /** The store's counted orders and their revenue per calendar month, the last {@code months} with orders. */
    public List<OrdersPerMonth.Month> ordersPerMonth(Store store, int months) {
        return result(store, "dashboard-orders-per-month-" + months, null, facts -> OrdersPerMonth.of(facts, months));
    }

    public Pareto.Report pareto(Store store, AnalysisWindow window) {
        return result(store, "dashboard-pareto", window, facts -> Pareto.of(facts, window));
    }

    public Cohorts.Report cohorts(Store store, AnalysisWindow window) {
        return result(store, "dashboard-cohorts", window, facts -> Cohorts.of(facts, window));
    }

    public Rfm.Report rfm(Store store, AnalysisWindow window) {
        return result(store, "dashboard-rfm", window, facts -> Rfm.of(facts, window));
    }

    public CustomerTypes.Report types(Store store, AnalysisWindow window) {
        return result(store, "dashboard-types", window, facts -> CustomerTypes.of(facts, window));
    }

    public DiscountSensitivity.Report discounts(Store store, AnalysisWindow window) {
        return result(store, "dashboard-discounts", window, facts -> DiscountSensitivity.of(facts, window));
    }

    /** Regions with the built-in population table (Saudi census 2022). */
    public Regions.Report regions(Store store, AnalysisWindow window) {
        return result(store, "dashboard-regions", window, facts -> Regions.of(facts, window, PopulationTable.gulf()));
    }

    /** The CLV fit and every customer's predictions as of the window's as-of day (time unit: days). */
    public ClvReport clv(Store store, AnalysisRequest request) {
        return analytics.recent(
                store, "dashboard-clv", request.window(), request.timeUnit(), () -> analytics.clv(store, request));
    }

    /** Recomputes the stored card fields of every customer of the store as of {@code asOf}. */
    public StoreAnalytics.Refreshed refresh(Store store, LocalDate asOf) {
        return analytics.refresh(store, asOf);
    }

    /** The stored card fields of one customer (published names); empty before the store's first refresh. */
    public Optional<Map<String, Object>> cardFields(Store store, String customerId) {
        return cards.find(store, customerId);
    }
}
