package io.basira.server.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.CustomerType;
import io.basira.analytics.DiscountSensitivity;
import io.basira.analytics.Regularity;
import io.basira.analytics.RfmGroup;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.server.dashboard.DashboardFormats;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The analytics pages' views: period form, histogram, churn list, card predictions, message keys. */
class AnalyticsViewsTest {

    private static final Store STORE =
            new Store(new StoreId(1), "s", "S", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    private static final DashboardFormats EN = new DashboardFormats(Locale.ENGLISH, STORE);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-31T22:00:00Z"), ZoneOffset.UTC);

    @Test
    void an_empty_form_means_today_in_the_store_time_zone_and_the_whole_history() {
        AnalyticsPeriod period = AnalyticsPeriod.read("", null, " ", CLOCK, STORE.timeZone());
        assertThat(period.asOfDate()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(period.window().from()).isNull();
        assertThat(period.error()).isNull();
        assertThat(period.query()).isEmpty();
    }

    @Test
    void a_period_that_cannot_be_used_falls_back_to_the_defaults_and_says_why() {
        AnalyticsPeriod period = AnalyticsPeriod.read(null, "2026-03-20", "2026-03-01", CLOCK, STORE.timeZone());
        assertThat(period.error()).contains("from (2026-03-20) is after to (2026-03-01)");
        assertThat(period.window().from()).isNull();
        assertThat(period.from()).isEqualTo("2026-03-20");
        assertThat(period.query()).isEmpty();
        assertThat(AnalyticsPeriod.read(null, "1 March", null, CLOCK, STORE.timeZone())
                        .error())
                .startsWith("from: ");
    }

    @Test
    void links_to_other_tabs_keep_the_period() {
        AnalyticsPeriod period = AnalyticsPeriod.read("2026-03-31", "2026-03-01", null, CLOCK, STORE.timeZone());
        assertThat(period.query()).isEqualTo("?as_of=2026-03-31&from=2026-03-01");
        assertThat(period.link("/analytics/clv", "sort=value"))
                .isEqualTo("/analytics/clv?as_of=2026-03-31&from=2026-03-01&sort=value");
    }

    @Test
    void the_histogram_has_round_bins_up_to_the_95th_percentile_and_one_open_bin_above() {
        List<BigDecimal> values = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(BigDecimal.valueOf(i * 10L));
        }
        values.add(new BigDecimal("100000"));
        ValueHistogram histogram = ValueHistogram.of(values, EN);
        assertThat(histogram.bins().get(0).to()).isEqualByComparingTo("100");
        assertThat(histogram.bins().stream()
                        .mapToInt(ValueHistogram.Bin::customers)
                        .sum())
                .isEqualTo(101);
        ValueHistogram.Bin last = histogram.bins().get(histogram.bins().size() - 1);
        assertThat(last.to()).isNull();
        assertThat(last.customers()).isGreaterThanOrEqualTo(1);
        assertThat(histogram.bins().get(1).label()).isEqualTo("\u2066100–200\u2069");
        assertThat(ValueHistogram.roundWidth(new BigDecimal("37"))).isEqualByComparingTo("50");
        assertThat(ValueHistogram.roundWidth(new BigDecimal("0"))).isEqualByComparingTo("0.01");
        assertThat(ValueHistogram.of(List.of(), EN).bins()).isEmpty();
    }

    @Test
    void the_churn_list_holds_only_high_risk_customers_sorted_by_predicted_value() {
        List<CustomerPrediction> predictions = List.of(
                prediction("A", ChurnRisk.HIGH, "10.00", 0.1),
                prediction("B", ChurnRisk.LOW, "99.00", 0.9),
                prediction("C", ChurnRisk.HIGH, "50.00", 0.2),
                prediction("D", ChurnRisk.HIGH, "5.00", 0.25));
        ChurnRiskList list = ChurnRiskList.of(
                predictions,
                null,
                null,
                ids -> ids.stream().collect(Collectors.toMap(id -> id, id -> "name " + id)),
                EN);
        assertThat(list.total()).isEqualTo(3);
        assertThat(list.rows()).extracting(ChurnRiskList.Row::customerId).containsExactly("C", "A", "D");
        assertThat(list.rows().get(0).name()).isEqualTo("name C");
        assertThat(list.rows().get(0).predictedValue12m()).isEqualTo("SAR50.00");
        assertThat(list.ariaSort("value")).isEqualTo("descending");
        assertThat(list.sortQuery("value")).isEqualTo("sort=value&direction=asc");
        ChurnRiskList byAlive = ChurnRiskList.of(predictions, "p_alive", "asc", ids -> Map.of(), EN);
        assertThat(byAlive.rows()).extracting(ChurnRiskList.Row::customerId).containsExactly("A", "C", "D");
        assertThat(byAlive.rows().get(0).name()).isEmpty();
    }

    @Test
    void predictions_before_the_first_refresh_say_so_and_after_it_are_formatted() {
        assertThat(PredictionsView.of(Optional.empty(), EN).refreshed()).isFalse();
        Map<String, Object> stored = new LinkedHashMap<>();
        stored.put("revenue_percentile", new BigDecimal("87.50"));
        stored.put("rfm_recency", 4);
        stored.put("rfm_frequency", 2);
        stored.put("rfm_monetary", 5);
        stored.put("rfm_group", "loyal");
        stored.put("customer_type", "wandering");
        stored.put("regularity", null);
        stored.put("p_alive", 0.8123);
        stored.put("expected_purchases_90d", 0.456);
        stored.put("predicted_value_12m", new BigDecimal("120.50"));
        stored.put("churn_risk", "low");
        stored.put("next_order_expected_at", "2026-05-02");
        stored.put("next_category", "Abayas");
        stored.put("clv_method", "bgnbd+gammagamma");
        stored.put("as_of", "2026-03-31");
        PredictionsView view = PredictionsView.of(Optional.of(stored), EN);
        Map<String, PredictionsView.Prediction> fields =
                view.fields().stream().collect(Collectors.toMap(PredictionsView.Prediction::name, f -> f));
        assertThat(view.asOf()).isEqualTo("31 Mar 2026");
        assertThat(view.method()).isEqualTo("prediction.method.models");
        assertThat(fields.get("p_alive").value()).isEqualTo("81%");
        assertThat(fields.get("expected_purchases_90d").value()).isEqualTo("0.46");
        assertThat(fields.get("predicted_value_12m").value()).isEqualTo("SAR120.50");
        assertThat(fields.get("next_order_expected_at").value()).isEqualTo("2 May 2026");
        assertThat(fields.get("churn_risk").valueKey()).isEqualTo("churn.risk.low");
        assertThat(fields.get("rfm_group").valueKey()).isEqualTo("rfm.group.loyal");
        assertThat(fields.get("regularity").missing()).isTrue();
        assertThat(fields.get("revenue_percentile").value()).isEqualTo("87.5");
        assertThat(fields.get("next_category").value()).isEqualTo("Abayas");
        assertThat(fields.get("next_category").merchantText()).isTrue();
        assertThat(fields.get("p_alive").merchantText()).isFalse();
    }

    @Test
    void every_label_built_from_an_analytics_value_exists_in_both_languages() throws IOException {
        List<String> keys = new ArrayList<>();
        for (RfmGroup g : RfmGroup.values()) {
            keys.add("rfm.group." + g.code());
        }
        for (CustomerType t : CustomerType.values()) {
            keys.add("customer.type." + t.code());
        }
        for (Regularity r : Regularity.values()) {
            keys.add("regularity." + r.code());
        }
        for (DiscountSensitivity.Kind k : DiscountSensitivity.Kind.values()) {
            keys.add("discount.kind." + k.code());
        }
        for (ChurnRisk r : ChurnRisk.values()) {
            keys.add("churn.risk." + r.name().toLowerCase(Locale.ROOT));
        }
        for (String tab : AnalyticsPages.TABS) {
            keys.add("analytics.tab." + tab);
        }
        for (String bin : DiscountView.BINS) {
            keys.add("analytics.discounts.bin." + bin);
        }
        for (String field : io.basira.server.cards.jdbc.JdbcCustomerAnalytics.FIELDS) {
            keys.add("field." + field);
        }
        for (String kpi : List.of(
                "new_customers",
                "returning_customers",
                "repeat_purchase_rate",
                "retention_rate",
                "aov_new",
                "aov_returning",
                "revenue",
                "orders")) {
            keys.add("overview.period." + kpi);
        }
        keys.addAll(List.of("prediction.method.models", "prediction.method.fallback"));
        assertThat(bundle("en").stringPropertyNames()).containsAll(keys);
        assertThat(bundle("ar").stringPropertyNames()).containsAll(keys);
    }

    private static CustomerPrediction prediction(String id, ChurnRisk risk, String value, double alive) {
        return new CustomerPrediction(
                id,
                OptionalDouble.of(alive),
                0.1,
                0.4,
                new BigDecimal("25.00"),
                new BigDecimal(value),
                risk,
                Optional.empty(),
                "bgnbd+gammagamma");
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = AnalyticsViewsTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
