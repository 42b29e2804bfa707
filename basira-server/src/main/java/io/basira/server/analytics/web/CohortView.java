package io.basira.server.analytics.web;

import io.basira.analytics.Cohorts;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The cohorts tab: one row per monthly acquisition cohort, one column per month since the first order,
 * as two heat maps (share of the cohort buying, revenue) and as a table. The colour scale of the share
 * map ends at the largest share after month 0 (month 0 is always 100% and would wash out the rest).
 */
public record CohortView(List<Row> rows, List<Integer> offsets, String shareChart, String revenueChart, int height) {

    /** One cohort: its month, size and per offset the formatted share and revenue (empty past as-of). */
    public record Row(String month, String customers, List<Cell> cells) {}

    public record Cell(String share, String revenue, String orders) {}

    public static CohortView of(Cohorts.Report report, DashboardFormats fmt, PageText text) {
        int span =
                report.cohorts().stream().mapToInt(c -> c.months().size()).max().orElse(0);
        List<Integer> offsets = IntStream.range(0, span).boxed().toList();
        List<String> yLabels = new ArrayList<>();
        List<List<Object>> shares = new ArrayList<>();
        List<List<Object>> revenue = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        BigDecimal shareMax = BigDecimal.ZERO;
        BigDecimal revenueMax = BigDecimal.ZERO;
        for (int y = 0; y < report.cohorts().size(); y++) {
            Cohorts.Cohort c = report.cohorts().get(y);
            yLabels.add(fmt.month(c.month()));
            List<Cell> cells = new ArrayList<>();
            for (Cohorts.CohortMonth m : c.months()) {
                shares.add(List.of(m.offset(), y, m.buyerShare()));
                revenue.add(List.of(m.offset(), y, m.revenue()));
                cells.add(new Cell(fmt.percent(m.buyerShare()), fmt.money(m.revenue()), fmt.number(m.orders())));
                if (m.offset() > 0 && m.buyerShare() != null && m.buyerShare().compareTo(shareMax) > 0) {
                    shareMax = m.buyerShare();
                }
                revenueMax = revenueMax.max(m.revenue());
            }
            rows.add(new Row(fmt.month(c.month()), fmt.number(c.customers()), cells));
        }
        boolean rtl = text.rightToLeft();
        String xName = text.get("analytics.cohorts.offset");
        String share = ChartData.heatmap(rtl, offsets, yLabels, shares)
                .with("percent", true)
                .with("xName", xName)
                .with("max", shareMax.signum() == 0 ? BigDecimal.ONE : shareMax)
                .with("valueName", text.get("analytics.cohorts.share"))
                .json();
        String money = ChartData.heatmap(rtl, offsets, yLabels, revenue)
                .with("money", true)
                .with("xName", xName)
                .with("max", revenueMax)
                .with("valueName", text.get("analytics.cohorts.revenue"))
                .json();
        return new CohortView(rows, offsets, share, money, Math.max(280, 90 + 22 * rows.size()));
    }

    public boolean empty() {
        return rows.isEmpty();
    }
}
