package io.basira.server.analytics.web;

import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.server.dashboard.DashboardFormats;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The customers with a high churn risk, as the CLV tab lists them: the {@value #SHOWN} first by predicted
 * 12-month value (highest first by default, the customers most worth winning back) or by P(alive), each
 * linked to her card.
 */
public record ChurnRiskList(int total, List<Row> rows, String sort, String direction) {

    static final int SHOWN = 100;

    /** How the list can be sorted: {@code value} (predicted 12-month value) or {@code p_alive}. */
    public enum Sort {
        VALUE,
        P_ALIVE;

        static Sort of(String text) {
            return "p_alive".equals(text) ? P_ALIVE : VALUE;
        }

        public String code() {
            return this == VALUE ? "value" : "p_alive";
        }
    }

    public record Row(
            String customerId,
            String name,
            String pAlive,
            String expectedPurchases90d,
            String expectedOrderValue,
            String predictedValue12m) {}

    /**
     * @param names looks up the names of the listed customers (external id to name)
     */
    public static ChurnRiskList of(
            List<CustomerPrediction> predictions,
            String sort,
            String direction,
            Function<Collection<String>, Map<String, String>> names,
            DashboardFormats fmt) {
        Sort by = Sort.of(sort);
        boolean ascending = "asc".equals(direction);
        Comparator<CustomerPrediction> order = by == Sort.VALUE
                ? Comparator.comparing(CustomerPrediction::predictedValue12Months)
                : Comparator.comparingDouble(p -> p.probabilityAlive().orElse(-1));
        order = (ascending ? order : order.reversed()).thenComparing(CustomerPrediction::customerId);
        List<CustomerPrediction> high = predictions.stream()
                .filter(p -> p.churnRisk() == ChurnRisk.HIGH)
                .sorted(order)
                .toList();
        List<CustomerPrediction> shown = high.subList(0, Math.min(SHOWN, high.size()));
        Map<String, String> named =
                names.apply(shown.stream().map(CustomerPrediction::customerId).toList());
        List<Row> rows = shown.stream()
                .map(p -> new Row(
                        p.customerId(),
                        named.getOrDefault(p.customerId(), ""),
                        p.probabilityAlive().isPresent()
                                ? fmt.percent(
                                        BigDecimal.valueOf(p.probabilityAlive().getAsDouble()))
                                : "",
                        fmt.number(BigDecimal.valueOf(p.expectedPurchases90Days())),
                        fmt.money(p.expectedOrderValue()),
                        fmt.money(p.predictedValue12Months())))
                .toList();
        return new ChurnRiskList(high.size(), rows, by.code(), ascending ? "asc" : "desc");
    }

    /** The link's direction for a column: the other way when it is the current sort, else highest first. */
    public String nextDirection(String column) {
        return column.equals(sort) && direction.equals("desc") ? "asc" : "desc";
    }

    /** The query of the link in a column's header: sort by it, in {@link #nextDirection}. */
    public String sortQuery(String column) {
        return "sort=" + Sort.of(column).code() + "&direction=" + nextDirection(column);
    }

    /** The {@code aria-sort} value of a column, null when the list is not sorted by it. */
    public String ariaSort(String column) {
        return column.equals(sort) ? (direction.equals("desc") ? "descending" : "ascending") : null;
    }
}
