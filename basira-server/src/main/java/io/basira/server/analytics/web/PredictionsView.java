package io.basira.server.analytics.web;

import io.basira.server.dashboard.DashboardFormats;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The predictions section of the customer card: the analytics card fields as of the store's last refresh
 * (docs/analytics.md, "Card fields"), each formatted for the reader. Enumerated values (churn risk, RFM
 * group, customer type, regularity) carry the message key of their name instead of a value.
 *
 * @param refreshed false before the store's first refresh (the section then says so)
 * @param asOf the as-of day of the refresh, formatted; empty when not refreshed
 * @param method the CLV method's message key ({@code prediction.method.models} or {@code .fallback})
 */
public record PredictionsView(boolean refreshed, String asOf, String method, List<Prediction> fields) {

    /** One field: {@code value} formatted, or {@code valueKey} a message key; both empty when the customer has none. */
    public record Prediction(String name, String value, String valueKey) {

        public String label() {
            return "field." + name;
        }

        /** True for the merchant's own text (the next category), which is shown as written, never translated. */
        public boolean merchantText() {
            return name.equals("next_category");
        }

        public boolean missing() {
            return value.isEmpty() && valueKey == null;
        }
    }

    public static PredictionsView of(Optional<Map<String, Object>> stored, DashboardFormats fmt) {
        if (stored.isEmpty()) {
            return new PredictionsView(false, "", "", List.of());
        }
        Map<String, Object> f = stored.get();
        List<Prediction> fields = new ArrayList<>();
        fields.add(value("p_alive", f.get("p_alive") instanceof Number n ? fmt.percent(decimal(n)) : ""));
        fields.add(value(
                "expected_purchases_90d",
                f.get("expected_purchases_90d") instanceof Number n ? fmt.number(decimal(n)) : ""));
        fields.add(
                value("predicted_value_12m", f.get("predicted_value_12m") instanceof BigDecimal d ? fmt.money(d) : ""));
        fields.add(key("churn_risk", "churn.risk.", f.get("churn_risk")));
        fields.add(value(
                "next_order_expected_at",
                f.get("next_order_expected_at") instanceof String d ? fmt.date(LocalDate.parse(d)) : ""));
        fields.add(value("rfm_recency", fmt.number((Number) f.get("rfm_recency"))));
        fields.add(value("rfm_frequency", fmt.number((Number) f.get("rfm_frequency"))));
        fields.add(value("rfm_monetary", fmt.number((Number) f.get("rfm_monetary"))));
        fields.add(key("rfm_group", "rfm.group.", f.get("rfm_group")));
        fields.add(key("customer_type", "customer.type.", f.get("customer_type")));
        fields.add(key("regularity", "regularity.", f.get("regularity")));
        fields.add(value(
                "revenue_percentile", f.get("revenue_percentile") instanceof Number n ? fmt.number(decimal(n)) : ""));
        fields.add(value("next_category", f.get("next_category") instanceof String category ? category : ""));
        Object method = f.get("clv_method");
        String methodKey = method == null
                ? ""
                : "bgnbd+gammagamma".equals(method) ? "prediction.method.models" : "prediction.method.fallback";
        return new PredictionsView(true, fmt.date(LocalDate.parse((String) f.get("as_of"))), methodKey, fields);
    }

    private static Prediction value(String name, String value) {
        return new Prediction(name, value, null);
    }

    private static Prediction key(String name, String prefix, Object code) {
        return code == null ? new Prediction(name, "", null) : new Prediction(name, "", prefix + code);
    }

    private static BigDecimal decimal(Number n) {
        return n instanceof BigDecimal d ? d : BigDecimal.valueOf(n.doubleValue());
    }
}
