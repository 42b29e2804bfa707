package io.basira.server.analytics.web;

import io.basira.analytics.CustomerType;
import io.basira.analytics.CustomerTypes;
import io.basira.server.dashboard.ChartData;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.server.dashboard.PageText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The customer types tab: buyers of the period per type (bar chart) and per regularity (pie), each also
 * as a table with shares, and the customers who did not buy in the period.
 */
public record TypesView(
        String buyers,
        String nonBuyers,
        List<Count> types,
        List<Count> regularity,
        String typesChart,
        String regularityChart) {

    /** One category with its buyers; {@code label} is the message key of its name. */
    public record Count(String code, String label, String count, String share) {}

    public static TypesView of(CustomerTypes.Report report, DashboardFormats fmt, PageText text) {
        int buyers = report.customers().size();
        List<Count> types = new ArrayList<>();
        ChartData typesChart = ChartData.bars(text.rightToLeft(), names(report.types(), "customer.type.", text))
                .with("horizontal", true);
        typesChart.series(
                text.get("analytics.customers"), List.copyOf(report.types().values()));
        report.types().forEach((t, n) -> types.add(count(t.code(), "customer.type.", n, buyers, fmt)));
        List<Count> regularity = new ArrayList<>();
        ChartData pie = ChartData.pie(text.rightToLeft());
        report.regularity().forEach((r, n) -> {
            regularity.add(count(r.code(), "regularity.", n, buyers, fmt));
            pie.item(text.get("regularity." + r.code()), n);
        });
        return new TypesView(
                fmt.number(buyers), fmt.number(report.nonBuyers()), types, regularity, typesChart.json(), pie.json());
    }

    private static Count count(String code, String prefix, int n, int all, DashboardFormats fmt) {
        return new Count(code, prefix + code, fmt.number(n), fmt.percent(Shares.of(n, all)));
    }

    private static List<String> names(Map<CustomerType, Integer> types, String prefix, PageText text) {
        return types.keySet().stream().map(t -> text.get(prefix + t.code())).toList();
    }
}
