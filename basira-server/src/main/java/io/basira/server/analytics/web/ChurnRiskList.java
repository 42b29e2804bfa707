package io.basira.server.analytics.web;

import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.server.dashboard.DashboardFormats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
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

    /** The first {@value #SHOWN} high-risk customers in one order, and how many high-risk customers there are. */
    record Top(int total, List<CustomerPrediction> shown) {}

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
        return of(top(predictions, by, ascending), by, ascending, names, fmt);
    }

    /** The list of the customers {@code top} holds, sorted as they are. */
    static ChurnRiskList of(
            Top top,
            Sort by,
            boolean ascending,
            Function<Collection<String>, Map<String, String>> names,
            DashboardFormats fmt) {
        List<CustomerPrediction> shown = top.shown();
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
        return new ChurnRiskList(top.total(), rows, by.code(), ascending ? "asc" : "desc");
    }

    /**
     * The first {@value #SHOWN} high-risk customers by {@code by} (ties by customer id), kept in a bounded heap
     * rather than by sorting every high-risk customer.
     */
    static Top top(List<CustomerPrediction> predictions, Sort by, boolean ascending) {
        Comparator<CustomerPrediction> order = by == Sort.VALUE
                ? Comparator.comparing(CustomerPrediction::predictedValue12Months)
                : Comparator.comparingDouble(p -> p.probabilityAlive().orElse(-1));
        order = (ascending ? order : order.reversed()).thenComparing(CustomerPrediction::customerId);
        // the heap's head is the last of the kept: a customer before it replaces it
        PriorityQueue<CustomerPrediction> kept = new PriorityQueue<>(SHOWN + 1, order.reversed());
        int total = 0;
        for (CustomerPrediction p : predictions) {
            if (p.churnRisk() != ChurnRisk.HIGH) {
                continue;
            }
            total++;
            if (kept.size() < SHOWN) {
                kept.add(p);
            } else if (order.compare(p, kept.peek()) < 0) {
                kept.poll();
                kept.add(p);
            }
        }
        List<CustomerPrediction> shown = new ArrayList<>(kept);
        shown.sort(order);
        return new Top(total, List.copyOf(shown));
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
