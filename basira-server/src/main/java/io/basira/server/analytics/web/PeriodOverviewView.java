package io.basira.server.analytics.web;

import io.basira.analytics.Overview;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview's period figures (docs/analytics.md, "Overview"): the KPIs of the chosen period (new and
 * returning customers, repeat purchase rate, retention rate, average order value of new and returning
 * customers, revenue, orders), and the same per calendar month as a chart of new versus returning
 * customers and a table.
 */
public record PeriodOverviewView(String from, String to, List<Kpi> kpis, List<Month> months, String chart) {

    /** One figure: {@code name} is its message key suffix and its {@code data-kpi}. */
    public record Kpi(String name, String value) {

        public String label() {
            return "overview.period." + name;
        }
    }

    public record Month(
            String month,
            String newCustomers,
            String returningCustomers,
            String orders,
            String revenue,
            String repeatPurchaseRate,
            String retentionRate) {}

    public static PeriodOverviewView of(
            DashboardAnalytics.OverviewWithMonths data, DashboardFormats fmt, PageText text) {
        Overview.Report r = data.period();
        List<Kpi> kpis = List.of(
                new Kpi("new_customers", fmt.number(r.newCustomers())),
                new Kpi("returning_customers", fmt.number(r.returningCustomers())),
                new Kpi("repeat_purchase_rate", fmt.percent(r.repeatPurchaseRate())),
                new Kpi("retention_rate", fmt.percent(r.retentionRate())),
                new Kpi("aov_new", fmt.money(r.aovNew())),
                new Kpi("aov_returning", fmt.money(r.aovReturning())),
                new Kpi("revenue", fmt.money(r.revenue())),
                new Kpi("orders", fmt.number(r.orders())));
        List<Month> months = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<Integer> newCustomers = new ArrayList<>();
        List<Integer> returning = new ArrayList<>();
        List<Object> repeatRate = new ArrayList<>();
        for (DashboardAnalytics.MonthOverview m : data.months()) {
            Overview.Report o = m.report();
            labels.add(fmt.month(m.month()));
            newCustomers.add(o.newCustomers());
            returning.add(o.returningCustomers());
            repeatRate.add(o.repeatPurchaseRate());
            months.add(new Month(
                    fmt.month(m.month()),
                    fmt.number(o.newCustomers()),
                    fmt.number(o.returningCustomers()),
                    fmt.number(o.orders()),
                    fmt.money(o.revenue()),
                    fmt.percent(o.repeatPurchaseRate()),
                    fmt.percent(o.retentionRate())));
        }
        String chart = ChartData.bars(text.rightToLeft(), labels)
                .with("stack", true)
                .series(text.get("overview.period.new_customers"), newCustomers)
                .series(text.get("overview.period.returning_customers"), returning)
                .with(
                        "line",
                        java.util.Map.of("name", text.get("overview.period.repeat_purchase_rate"), "data", repeatRate))
                .json();
        return new PeriodOverviewView(fmt.date(r.from()), fmt.date(r.to()), kpis, months, chart);
    }
}
