package io.basira.server.analytics.web;

import io.basira.analytics.Pareto;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.math.BigDecimal;
import java.util.List;

/**
 * The 80/20 tab: the revenue share of the top 1, 5, 10, 20 and 50% of buyers, formatted, and the
 * curve (the share of revenue of the top X% for every X) as a line chart next to the line of equal
 * spending.
 */
public record ParetoView(String buyers, String revenue, List<Row> top, String chart, boolean empty) {

    /** One "top X%" row, every value formatted. */
    public record Row(int percent, String label, String customers, String revenue, String share) {}

    public static ParetoView of(Pareto.Report report, DashboardFormats fmt, PageText text) {
        List<Row> top = report.top().stream()
                .map(t -> new Row(
                        t.percent(),
                        text.get("analytics.pareto.top", fmt.percentFigure(t.percent())),
                        fmt.number(t.customers()),
                        fmt.money(t.revenue()),
                        fmt.percent(t.revenueShare())))
                .toList();
        List<Integer> x =
                report.curve().stream().map(Pareto.CurvePoint::customerPercent).toList();
        ChartData chart = ChartData.line(text.rightToLeft(), x)
                .with("percent", true)
                .with("xName", text.get("analytics.pareto.chart.x"))
                .with("yName", text.get("analytics.pareto.chart.y"))
                .series(
                        text.get("analytics.pareto.chart.curve"),
                        report.curve().stream()
                                .map(Pareto.CurvePoint::revenueShare)
                                .toList())
                .series(
                        text.get("analytics.pareto.chart.equal"),
                        x.stream().map(p -> BigDecimal.valueOf(p, 2)).toList());
        return new ParetoView(
                fmt.number(report.buyers()), fmt.money(report.revenue()), top, chart.json(), report.buyers() == 0);
    }
}
