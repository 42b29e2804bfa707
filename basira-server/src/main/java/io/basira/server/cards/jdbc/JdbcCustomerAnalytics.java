package io.basira.server.cards.jdbc;

import io.basira.analytics.CustomerAnalytics;
import io.basira.shared.Store;
import java.sql.Date;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The table {@code customer_analytics}: replaced whole per store on refresh, read one customer at a time. */
public final class JdbcCustomerAnalytics {

    /** The version of the definitions in docs/analytics.md; changes whenever one of them changes. */
    public static final String DEFINITIONS_VERSION = "1.0";

    public static final List<String> FIELDS = List.of(
            "revenue_percentile",
            "rfm_recency",
            "rfm_frequency",
            "rfm_monetary",
            "rfm_group",
            "customer_type",
            "regularity",
            "p_alive",
            "expected_purchases_90d",
            "predicted_value_12m",
            "churn_risk",
            "next_order_expected_at",
            "next_category");

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public JdbcCustomerAnalytics(JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /**
     * Replaces the store's rows by {@code rows}, in one transaction; {@code nextCategories} gives the next category
     * of the customers who have one (by customer id).
     */
    public void replace(
            Store store,
            LocalDate asOf,
            Instant computedAt,
            String method,
            List<CustomerAnalytics> rows,
            Map<String, String> nextCategories) {
        long id = store.id().value();
        transactions.executeWithoutResult(status -> {
            jdbc.update("DELETE FROM customer_analytics WHERE store_id = ?", id);
            jdbc.batchUpdate(
                    "INSERT INTO customer_analytics (store_id, customer_external_id, as_of, computed_at, "
                            + "definitions_version, " + String.join(", ", FIELDS)
                            + ", clv_method) VALUES (?, ?, ?, ?, ?, "
                            + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                    1000,
                    (ps, a) -> {
                        ps.setLong(1, id);
                        ps.setString(2, a.customerId());
                        ps.setObject(3, asOf);
                        ps.setObject(4, OffsetDateTime.ofInstant(computedAt, ZoneOffset.UTC));
                        ps.setString(5, DEFINITIONS_VERSION);
                        ps.setBigDecimal(6, a.revenuePercentile());
                        ps.setObject(7, a.rfmRecency(), Types.SMALLINT);
                        ps.setObject(8, a.rfmFrequency(), Types.SMALLINT);
                        ps.setObject(9, a.rfmMonetary(), Types.SMALLINT);
                        ps.setString(10, a.rfmGroup().code());
                        ps.setString(
                                11,
                                a.customerType() == null
                                        ? null
                                        : a.customerType().code());
                        ps.setString(
                                12,
                                a.regularity() == null ? null : a.regularity().code());
                        ps.setObject(13, a.pAlive(), Types.DOUBLE);
                        ps.setObject(14, a.expectedPurchases90d(), Types.DOUBLE);
                        ps.setBigDecimal(15, a.predictedValue12m());
                        ps.setString(
                                16,
                                a.churnRisk() == null
                                        ? null
                                        : a.churnRisk().name().toLowerCase(java.util.Locale.ROOT));
                        ps.setObject(
                                17,
                                a.nextOrderExpectedAt() == null ? null : Date.valueOf(a.nextOrderExpectedAt()),
                                Types.DATE);
                        ps.setString(18, nextCategories.get(a.customerId()));
                        ps.setString(19, a.pAlive() == null && a.expectedPurchases90d() == null ? null : method);
                    });
        });
    }

    /** When the store's card fields were last computed; empty when it has none (never refreshed, or no customers). */
    public Optional<Instant> lastComputedAt(Store store) {
        OffsetDateTime last = jdbc.queryForObject(
                "SELECT MAX(computed_at) FROM customer_analytics WHERE store_id = ?",
                OffsetDateTime.class,
                store.id().value());
        return Optional.ofNullable(last).map(OffsetDateTime::toInstant);
    }

    /** The card fields of one customer under their published names, plus as_of and computed_at; empty before a refresh. */
    public Optional<Map<String, Object>> find(Store store, String customerId) {
        List<Map<String, Object>> rows = jdbc.query(
                "SELECT * FROM customer_analytics WHERE store_id = ? " + "AND customer_external_id = ?",
                (rs, n) -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    for (String field : FIELDS) {
                        Object value = rs.getObject(field);
                        if (value instanceof Number number && field.startsWith("rfm_")) {
                            value = number.intValue();
                        } else if (value instanceof java.math.BigDecimal decimal && field.startsWith("predicted")) {
                            value = decimal.setScale(
                                    io.basira.shared.Money.fractionDigits(store.currency()),
                                    java.math.RoundingMode.HALF_UP);
                        } else if (value != null && !(value instanceof Number) && !(value instanceof String)) {
                            value = rs.getObject(field, LocalDate.class).toString();
                        }
                        json.put(field, value);
                    }
                    json.put("clv_method", rs.getString("clv_method"));
                    json.put("as_of", rs.getObject("as_of", LocalDate.class).toString());
                    json.put(
                            "computed_at",
                            rs.getObject("computed_at", OffsetDateTime.class)
                                    .toInstant()
                                    .toString());
                    json.put("definitions_version", rs.getString("definitions_version"));
                    return json;
                },
                store.id().value(),
                customerId);
        return rows.stream().findFirst();
    }
}
