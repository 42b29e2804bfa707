package io.basira.server.analytics.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The analytics endpoints and the analytics on the customer card, on every database (subclasses). */
abstract class AnalyticsApiContract extends ApiTestBase {

    @org.springframework.beans.factory.annotation.Autowired
    io.basira.server.analytics.AnalyticsData analyticsData;

    @org.springframework.beans.factory.annotation.Autowired
    io.basira.server.analytics.jdbc.JdbcStoreFacts storeFacts;

    @Test
    void the_order_columns_in_memory_follow_each_write_and_equal_a_fresh_load() {
        io.basira.shared.Store store = stores.create(
                "columns-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "columns",
                java.util.Currency.getInstance("SAR"),
                java.time.ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        assertThat(api.post(
                                "/api/v1/customers/bulk",
                                "application/x-ndjson",
                                customer("C1", "A") + "\n" + customer("C2", "B") + "\n" + customer("C3", "C") + "\n")
                        .status())
                .isEqualTo(200);
        assertThat(api.post(
                                "/api/v1/orders/bulk",
                                "application/x-ndjson",
                                order("O1", "C1", "completed", "100.00", "2024-04-10")
                                        + "\n" + order("O2", "C1", "completed", "300.00", "2024-05-10") + "\n"
                                        + order("O3", "C2", "completed", "50.00", "2024-05-15") + "\n")
                        .status())
                .isEqualTo(200);
        String url = "/api/v1/analytics/overview?as_of=2024-05-31&from=2024-05-01&to=2024-05-31";
        assertThat(json(api.get(url)).get("revenue").decimalValue()).isEqualByComparingTo("350.00");
        long before = analyticsData.current(store).version();
        // a status change, an order moving to another customer, a new customer with an order
        assertThat(api.post(
                                "/api/v1/orders/bulk",
                                "application/x-ndjson",
                                order("O3", "C2", "cancelled", "50.00", "2024-05-15") + "\n"
                                        + order("O2", "C3", "completed", "300.00", "2024-05-10") + "\n")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/customers", customer("C0", "D")).status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/orders", order("O4", "C0", "pending", "20.00", "2024-05-20"))
                        .status())
                .isEqualTo(200);
        io.basira.server.analytics.AnalyticsData.Versioned after = analyticsData.current(store);
        assertThat(after.version()).isGreaterThan(before);
        assertThat(describe(after.facts())).isEqualTo(describe(storeFacts.load(store)));
        JsonNode o = json(api.get(url));
        assertThat(o.get("revenue").decimalValue()).isEqualByComparingTo("320.00");
        assertThat(o.get("new_customers").asInt()).isEqualTo(2);
        // an import-sized change (no customers named) reloads the store whole
        analyticsData.changed(store.id(), java.util.Set.of());
        assertThat(describe(analyticsData.current(store).facts())).isEqualTo(describe(storeFacts.load(store)));
    }

    private static java.util.List<String> describe(io.basira.analytics.StoreFacts f) {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (int c = 0; c < f.rows(); c++) {
            StringBuilder row = new StringBuilder(f.customerId(c) + " " + f.city(c) + " " + f.signupDay(c) + ":");
            for (int o = f.orderStart(c); o < f.orderStart(c + 1); o++) {
                row.append(' ')
                        .append(f.day(o))
                        .append('/')
                        .append(f.status(o))
                        .append('/')
                        .append(f.totalMinor(o))
                        .append('/')
                        .append(f.discounted(o))
                        .append('/')
                        .append(f.category(o));
            }
            out.add(row.toString());
        }
        return out;
    }

    private Api storeWithOrders() {
        Api api = newStore("analytics");
        String customers =
                "{\"customer_id\":\"C1\",\"city\":\"الرياض\",\"country\":\"SA\",\"created_at\":\"2024-01-01\"}\n"
                        + "{\"customer_id\":\"C2\",\"city\":\"Riyadh\",\"created_at\":\"2024-01-01\"}\n"
                        + "{\"customer_id\":\"C3\",\"city\":\"Jeddah\",\"created_at\":\"2024-01-01\"}\n";
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", customers)
                        .status())
                .isEqualTo(200);
        String orders = order("O1", "C1", "completed", "100.00", "2024-04-10") + "\n"
                + order("O2", "C1", "completed", "300.00", "2024-05-10") + "\n"
                + order("O3", "C2", "completed", "50.00", "2024-05-15") + "\n"
                + order("O4", "C3", "returned", "80.00", "2024-05-16") + "\n";
        assertThat(api.post("/api/v1/orders/bulk", "application/x-ndjson", orders)
                        .status())
                .isEqualTo(200);
        return api;
    }

    @Test
    void the_overview_of_a_period() {
        Api api = storeWithOrders();
        JsonNode o = json(api.get("/api/v1/analytics/overview?as_of=2024-05-31&from=2024-05-01&to=2024-05-31"));
        assertThat(o.get("analysis").asString()).isEqualTo("overview");
        assertThat(o.get("definitions_version").asString()).isEqualTo("1.0");
        assertThat(o.get("orders").asInt()).isEqualTo(2);
        assertThat(o.get("revenue").decimalValue()).isEqualByComparingTo("350.00");
        assertThat(o.get("new_customers").asInt()).isEqualTo(1);
        assertThat(o.get("returning_customers").asInt()).isEqualTo(1);
        assertThat(o.get("retention_rate").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void as_of_defaults_to_today_in_the_store_time_zone() {
        Api api = storeWithOrders();
        JsonNode o = json(api.get("/api/v1/analytics/overview"));
        assertThat(o.get("as_of").asString()).isEqualTo("2024-06-01");
        assertThat(o.get("from").asString()).isEqualTo("2024-05-03");
    }

    @Test
    void pareto_rfm_cohorts_types_discounts_regions_and_clv_answer() {
        Api api = storeWithOrders();
        JsonNode pareto = json(api.get("/api/v1/analytics/pareto?as_of=2024-05-31"));
        assertThat(pareto.get("buyers").asInt()).isEqualTo(2);
        assertThat(pareto.get("top").get(0).get("revenue_share").decimalValue()).isEqualByComparingTo("0.8889");
        assertThat(json(api.get("/api/v1/analytics/rfm?as_of=2024-05-31"))
                        .get("groups")
                        .get("prospects")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/api/v1/analytics/cohorts?as_of=2024-05-31")).get("cohorts"))
                .hasSize(2);
        assertThat(json(api.get("/api/v1/analytics/types?as_of=2024-05-31"))
                        .get("non_buyers")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/api/v1/analytics/discounts?as_of=2024-05-31")).get("split"))
                .hasSize(3);
        JsonNode regions = json(api.get("/api/v1/analytics/regions?as_of=2024-05-31"));
        JsonNode riyadh = regions.get("cities").get(0);
        assertThat(riyadh.get("name").asString()).isEqualTo("Riyadh");
        assertThat(riyadh.get("customers").asInt()).isEqualTo(2);
        assertThat(regions.get("regions").get(0).get("population").asLong()).isEqualTo(8_591_748L);
        JsonNode clv = json(api.get("/api/v1/analytics/clv?as_of=2024-05-31&time_unit=weeks"));
        assertThat(clv.get("method").asString()).isEqualTo("fallback:too-few-repeat-buyers");
        assertThat(clv.get("models").get("time_unit").asString()).isEqualTo("weeks");
    }

    @Test
    void an_uploaded_population_table_is_used_for_penetration() {
        Api api = storeWithOrders();
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C9\",\"city\":\"Dubai\",\"region\":\"Dubai\","
                        + "\"country\":\"AE\",\"created_at\":\"2024-01-01\"}");
        Api.Response response = api.post(
                "/api/v1/analytics/regions?as_of=2024-05-31",
                "text/csv",
                "country,region,population\nAE,Dubai,1000000\n");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode dubai = json(response).get("regions").findParents("name").stream()
                .filter(n -> n.get("name").asString().equals("Dubai"))
                .findFirst()
                .orElseThrow();
        assertThat(dubai.get("customers_per_100k").decimalValue()).isEqualByComparingTo("0.10");
        Api.Response bad =
                api.post("/api/v1/analytics/regions", "text/csv", "country,region,population\nAE,Dubai,many\n");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(json(bad).get("detail").asString())
                .isEqualTo("population.csv:2: population 'many' is not a whole number");
    }

    @Test
    void bad_parameters_are_400_with_a_sentence() {
        Api api = storeWithOrders();
        Api.Response unknown = api.get("/api/v1/analytics/magic");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(json(unknown).get("detail").asString()).startsWith("unknown analysis 'magic'");
        Api.Response date = api.get("/api/v1/analytics/rfm?as_of=yesterday");
        assertThat(date.status()).isEqualTo(400);
        assertThat(json(date).get("detail").asString()).isEqualTo("as-of: 'yesterday' is not a date (YYYY-MM-DD)");
        assertThat(api.get("/api/v1/analytics/overview?as_of=2024-05-01&to=2024-05-31")
                        .status())
                .isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/clv?time_unit=months").status()).isEqualTo(400);
    }

    /**
     * The CLV models are fitted once per store, as-of day and unit: one more order (a customer's summary changes) is
     * scored with the day's models; more than 1 % new customers (an import, a store's first data) fit them again.
     */
    @Test
    void the_clv_models_are_fitted_once_a_day_unless_the_customers_move_by_more_than_a_percent() {
        Api api = newStore("clv-day");
        postCustomersWithOrders(api, 0, 200);
        String url = "/api/v1/analytics/clv?as_of=2024-05-31";
        JsonNode first = json(api.get(url));
        assertThat(first.get("method").asString()).as(first.toString()).doesNotStartWith("fallback");
        assertThat(first.get("customers").asInt()).isEqualTo(200);

        assertThat(api.post(
                                "/api/v1/orders/bulk",
                                "application/x-ndjson",
                                order("X1", "C0", "completed", "75.00", "2024-05-20") + "\n")
                        .status())
                .isEqualTo(200);
        JsonNode oneMore = json(api.get(url));
        assertThat(oneMore.get("models")).isEqualTo(first.get("models"));
        assertThat(oneMore.get("expected_purchases_90d")).isNotEqualTo(first.get("expected_purchases_90d"));

        postCustomersWithOrders(api, 200, 210);
        JsonNode moved = json(api.get(url));
        assertThat(moved.get("customers").asInt()).isEqualTo(210);
        assertThat(moved.get("models")).isNotEqualTo(first.get("models"));
    }

    @org.springframework.beans.factory.annotation.Autowired
    io.basira.server.analytics.StoreAnalytics storeAnalytics;

    @Test
    void the_day_models_are_fitted_once_whether_ahead_in_the_background_or_by_reports_asking_at_once()
            throws Exception {
        io.basira.shared.Store store = stores.create(
                "clv-ahead-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "clv ahead",
                java.util.Currency.getInstance("SAR"),
                java.time.ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        postCustomersWithOrders(api, 0, 200);
        long before = storeAnalytics.dayModelsFitted();
        java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
            var ahead = threads.submit(() -> {
                go.await();
                storeAnalytics.prepareClvReport(store);
                return null;
            });
            java.util.List<java.util.concurrent.Future<JsonNode>> reports = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                reports.add(threads.submit(() -> {
                    go.await();
                    return json(api.get("/api/v1/analytics/clv"));
                }));
            }
            go.countDown();
            ahead.get(60, java.util.concurrent.TimeUnit.SECONDS);
            JsonNode first = reports.get(0).get(60, java.util.concurrent.TimeUnit.SECONDS);
            JsonNode second = reports.get(1).get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(first.get("method").asString()).as(first.toString()).doesNotStartWith("fallback");
            assertThat(second.get("models")).isEqualTo(first.get("models"));
        } finally {
            threads.shutdownNow();
        }
        assertThat(storeAnalytics.dayModelsFitted() - before).isEqualTo(1);
        // fitted ahead again (a restart's warm-up, the nightly refresh): kept, not fitted a second time
        storeAnalytics.prepareClvReport(store);
        assertThat(json(api.get("/api/v1/analytics/clv")).get("customers").asInt())
                .isEqualTo(200);
        assertThat(storeAnalytics.dayModelsFitted() - before).isEqualTo(1);
    }

    @Test
    void models_fitted_ahead_in_the_background_serve_the_days_first_report() throws Exception {
        io.basira.shared.Store store = stores.create(
                "clv-bg-" + java.util.UUID.randomUUID().toString().substring(0, 8),
                "clv background",
                java.util.Currency.getInstance("SAR"),
                java.time.ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        postCustomersWithOrders(api, 0, 150);
        long before = storeAnalytics.dayModelsFitted();
        try (io.basira.server.analytics.ClvModelsAhead ahead =
                new io.basira.server.analytics.ClvModelsAhead(storeAnalytics, true)) {
            ahead.prepare(store);
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (storeAnalytics.dayModelsFitted() == before && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        }
        assertThat(storeAnalytics.dayModelsFitted() - before).isEqualTo(1);
        JsonNode report = json(api.get("/api/v1/analytics/clv"));
        assertThat(report.get("customers").asInt()).isEqualTo(150);
        assertThat(report.get("method").asString()).doesNotStartWith("fallback");
        assertThat(storeAnalytics.dayModelsFitted() - before).isEqualTo(1);
    }

    /** Customers C{from} to C{to - 1}, each with one to four completed orders, some weeks apart. */
    private static void postCustomersWithOrders(Api api, int from, int to) {
        StringBuilder customers = new StringBuilder();
        StringBuilder orders = new StringBuilder();
        for (int c = from; c < to; c++) {
            customers.append("{\"customer_id\":\"C" + c + "\",\"created_at\":\"2024-01-01\"}\n");
            int count = 1 + (c * 7) % 4;
            int gap = 5 + (c * 13) % 40;
            for (int k = 0; k < count; k++) {
                String total = (50 + (c + k * 11) % 90) + ".00";
                orders.append(order("A" + c + "-" + k, "C" + c, "completed", total, day(1 + c % 20 + k * gap)))
                        .append('\n');
            }
        }
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", customers.toString())
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/orders/bulk", "application/x-ndjson", orders.toString())
                        .status())
                .isEqualTo(200);
    }

    /** The {@code n}th day of 2024 (from 1), as YYYY-MM-DD. */
    private static String day(int n) {
        return java.time.LocalDate.of(2024, 1, 1).plusDays(n - 1).toString();
    }

    @Test
    void refresh_puts_the_analytics_on_the_customer_card() {
        Api api = storeWithOrders();
        JsonNode before = json(api.get("/api/v1/customers/C1")).get("analytics");
        assertThat(before.get("rfm_group").isNull()).isTrue();
        assertThat(before.get("as_of").isNull()).isTrue();
        JsonNode refreshed = json(api.postJson("/api/v1/analytics/refresh?as_of=2024-05-31", ""));
        assertThat(refreshed.get("customers").asInt()).isEqualTo(3);
        JsonNode c1 = json(api.get("/api/v1/customers/C1")).get("analytics");
        assertThat(c1.get("revenue_percentile").decimalValue()).isEqualByComparingTo("100");
        assertThat(c1.get("rfm_recency").asInt()).isBetween(1, 5);
        assertThat(c1.get("rfm_group").asString()).isNotEqualTo("prospects");
        assertThat(c1.get("customer_type").asString()).isEqualTo("wandering");
        assertThat(c1.get("regularity").asString()).isEqualTo("irregular");
        assertThat(c1.get("expected_purchases_90d").asDouble()).isPositive();
        assertThat(c1.get("predicted_value_12m").decimalValue()).isPositive();
        assertThat(c1.get("p_alive").isNull()).isTrue(); // the fallback does not estimate it
        assertThat(c1.get("as_of").asString()).isEqualTo("2024-05-31");
        JsonNode c3 = json(api.get("/api/v1/customers/C3")).get("analytics");
        assertThat(c3.get("rfm_group").asString()).isEqualTo("prospects");
        assertThat(c3.get("revenue_percentile").isNull()).isTrue();
        assertThat(c3.get("customer_type").isNull()).isTrue();
    }
}
