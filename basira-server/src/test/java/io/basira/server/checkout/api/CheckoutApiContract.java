package io.basira.server.checkout.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.CustomerGroups;
import io.basira.server.checkout.FakeGroupsConfiguration;
import io.basira.server.checkout.InMemoryCustomerGroups;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checkout through the API, written once and run on H2 and PostgreSQL: policies and coupons managed
 * and audited, decisions with group membership from a fake of the groups engine, coupon uses counted
 * by orders from every way in, and usage limits under concurrent checkouts.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
@Import(FakeGroupsConfiguration.class)
abstract class CheckoutApiContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    InMemoryCustomerGroups groups;

    @Autowired
    CustomerGroups wired;

    @Autowired
    JdbcTemplate jdbc;

    Store store;

    Api newStore() {
        store = stores.create(
                "co-" + UUID.randomUUID().toString().substring(0, 8),
                "Checkout",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return new Api(port, keys.create(store.id(), "test").secret().value());
    }

    static JsonNode json(Api.Response response) {
        return JSON.readTree(response.body());
    }

    static String customer(String id) {
        return "{\"customer_id\":\"" + id + "\",\"created_at\":\"2024-01-01\"}";
    }

    static String order(String id, String customer, String status, String coupon) {
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"" + status
                + "\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\""
                + (coupon == null ? "" : ",\"coupon_code\":\"" + coupon + "\"") + "}";
    }

    static String cart(String customer, String coupon, String price) {
        return "{" + (customer == null ? "" : "\"customer_id\":\"" + customer + "\",")
                + (coupon == null ? "" : "\"coupon_code\":\"" + coupon + "\",")
                + "\"shipping_fee\":\"25.00\",\"items\":[{\"product_id\":\"P1\","
                + "\"quantity\":1,\"unit_price\":\"" + price + "\"}]}";
    }

    @Test
    void the_tests_run_with_the_fake_membership() {
        assertThat(wired).isSameAs(groups);
    }

    /** The one problem of a refused request. */
    static String problem(Api.Response response) {
        assertThat(response.status())
                .as(response.body().substring(0, Math.min(300, response.body().length())))
                .isEqualTo(422);
        assertThat(json(response).get("problems")).hasSize(1);
        return json(response).get("problems").get(0).asString();
    }

    @Test
    void a_cart_whose_amounts_overflow_is_refused_naming_the_line() {
        Api api = newStore();
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/decisions",
                        "{\"items\":[{\"product_id\":\"P1\","
                                + "\"quantity\":2147483647,\"unit_price\":\"999999999999.99\"}]}")))
                .isEqualTo("items[0]: quantity 2147483647 × unit_price 999999999999.99 is more than the largest amount"
                        + " Basira counts (92233720368547758.07)");
        String line = "{\"product_id\":\"P1\",\"quantity\":50000,\"unit_price\":\"999999999999.99\"}";
        assertThat(problem(api.postJson("/api/v1/checkout/decisions", "{\"items\":[" + line + "," + line + "]}")))
                .isEqualTo("items[1]: the cart's total up to this line is more than the largest amount Basira counts"
                        + " (92233720368547758.07)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/decisions",
                        "{\"items\":[{\"product_id\":\"P1\"," + "\"quantity\":1,\"unit_price\":\"1000000000000\"}]}")))
                .isEqualTo("items[0].unit_price: '1000000000000' is too large (at most 999999999999 and a fraction)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/decisions",
                        "{\"items\":[{\"product_id\":\"P1\"," + "\"quantity\":2147483648,\"unit_price\":\"1\"}]}")))
                .isEqualTo("items[0].quantity: '2147483648' is not a whole number");
    }

    @Test
    void a_buy_x_get_y_of_extreme_size_decides_without_overflow() {
        Api api = newStore();
        assertThat(api.postJson(
                                "/api/v1/checkout/policies",
                                "{\"name\":\"huge\",\"kind\":\"buy_x_get_y\","
                                        + "\"buy\":2147483647,\"get\":2147483647}")
                        .status())
                .isEqualTo(201);
        assertThat(api.postJson(
                                "/api/v1/checkout/policies",
                                "{\"name\":\"one free\",\"kind\":\"buy_x_get_y\"," + "\"buy\":1,\"get\":1}")
                        .status())
                .isEqualTo(201);
        Api.Response decided = api.postJson(
                "/api/v1/checkout/decisions",
                "{\"items\":[{\"product_id\":\"P1\"," + "\"quantity\":90000,\"unit_price\":\"999999999999.99\"}]}");
        assertThat(decided.status()).as(decided.body()).isEqualTo(200);
        assertThat(json(decided).get("offers").get(0).get("amount").asString()).isEqualTo("44999999999999550.00");
    }

    @Test
    void hostile_text_and_dates_in_checkout_setup_are_refused_with_where_and_why() {
        Api api = newStore();
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"" + "n".repeat(201) + "\",\"kind\":\"free_shipping\"}")))
                .isEqualTo("name is longer than 200 characters (it has 201)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/policies", "{\"name\":\"a\\u0000b\",\"kind\":\"free_shipping\"}")))
                .isEqualTo("name contains the control character U+0000 at character 2");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"x\",\"kind\":\"buy_x_get_y\","
                                + "\"buy\":1,\"get\":1,\"products\":[\"PGS\\uD800X\"]}")))
                .isEqualTo("products contains an unpaired surrogate U+D800 at character 4 (not valid Unicode)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"x\",\"kind\":\"free_shipping\","
                                + "\"valid_from\":\"+999999999-12-31T23:59:59Z\"}")))
                .isEqualTo(
                        "valid_from: '+999999999-12-31T23:59:59Z' is outside the accepted dates 1900-01-01 to 2199-12-31");
        String products = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "\"" + "p".repeat(125) + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        String keys = java.util.stream.IntStream.range(0, 100)
                .mapToObj(i -> "\"" + "g".repeat(60) + i + "\"")
                .collect(java.util.stream.Collectors.joining(","));
        String others = keys.replace('g', 'h');
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"x\",\"kind\":\"buy_x_get_y\"," + "\"buy\":1,\"get\":1,\"products\":[" + products
                                + "],\"groups\":{\"any_of\":[" + keys + "],\"none_of\":[" + others + "]}}")))
                .matches(
                        "policy is \\d+ characters long as stored, more than 20000: name fewer products, groups or codes");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/coupons", "{\"code\":\"A\\u0000B\",\"benefit\":\"free_shipping\"}")))
                .isEqualTo("code contains the control character U+0000 at character 2");
        assertThat(problem(api.putJson(
                        "/api/v1/checkout/catalogue",
                        "{\"payment_methods\":[{\"code\":\"cod\",\"name\":\"" + "c".repeat(201) + "\"}]}")))
                .isEqualTo("name is longer than 200 characters (it has 201)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/decisions",
                        "{\"coupon_code\":\"A\\u0000\",\"items\":"
                                + "[{\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"1\"}]}")))
                .isEqualTo("coupon_code contains the control character U+0000 at character 2");
        assertThat(json(api.get("/api/v1/checkout/policies"))).isEmpty();
        assertThat(json(api.get("/api/v1/checkout/audit"))).isEmpty();
    }

    @Test
    void a_decision_follows_the_policies_of_the_customers_groups() {
        Api api = newStore();
        assertThat(api.postJson(
                                "/api/v1/checkout/policies",
                                "{\"name\":\"No COD for non-serious\",\"kind\":"
                                        + "\"hide_payment_methods\",\"methods\":[\"cod\",\"bank_transfer\"],\"groups\":{\"any_of\":[\"non-serious\"]}}")
                        .status())
                .isEqualTo(201);
        api.postJson(
                "/api/v1/checkout/policies",
                "{\"name\":\"VIP ships free\",\"kind\":\"free_shipping\"," + "\"groups\":{\"any_of\":[\"vip\"]}}");
        api.postJson(
                "/api/v1/checkout/policies",
                "{\"name\":\"30% off low-basket\",\"kind\":\"percent_off\","
                        + "\"percent\":30,\"minimum_total\":\"300.00\",\"groups\":{\"any_of\":[\"low-basket\"]}}");
        groups.put(store.id(), "C1", "non-serious", "vip");
        groups.put(store.id(), "C2", "low-basket");
        JsonNode c1 = json(api.postJson("/api/v1/checkout/decisions", cart("C1", null, "400.00")));
        assertThat(c1.get("payment_methods").get("offered").toString())
                .doesNotContain("\"cod\"")
                .contains("mada");
        assertThat(c1.get("payment_methods")
                        .get("hidden")
                        .get(0)
                        .get("policy")
                        .get("name")
                        .asString())
                .isEqualTo("No COD for non-serious");
        assertThat(c1.get("free_shipping").get("free").asBoolean()).isTrue();
        assertThat(c1.get("totals").get("total").asString()).isEqualTo("400.00");
        JsonNode c2 = json(api.postJson("/api/v1/checkout/decisions", cart("C2", null, "400.00")));
        assertThat(c2.get("offers").get(0).get("amount").asString()).isEqualTo("120.00");
        assertThat(c2.get("totals").get("total").asString()).isEqualTo("305.00");
        JsonNode anonymous = json(api.postJson("/api/v1/checkout/decisions", cart(null, null, "400.00")));
        assertThat(anonymous.get("anonymous").asBoolean()).isTrue();
        assertThat(anonymous.get("payment_methods").get("hidden")).isEmpty();
    }

    @Test
    void a_policy_change_reaches_decisions_at_once_here_and_within_a_second_from_elsewhere() throws Exception {
        Api api = newStore();
        String id = json(api.postJson("/api/v1/checkout/policies", "{\"name\":\"Free\",\"kind\":\"free_shipping\"}"))
                .get("id")
                .asString();
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart(null, null, "100.00")))
                        .get("free_shipping")
                        .get("free")
                        .asBoolean())
                .isTrue();
        assertThat(api.delete("/api/v1/checkout/policies/" + id).status()).isEqualTo(204); // through this server
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart(null, null, "100.00")))
                        .get("free_shipping")
                        .get("free")
                        .asBoolean())
                .isFalse();

        api.postJson("/api/v1/checkout/policies", "{\"name\":\"Free again\",\"kind\":\"free_shipping\"}");
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart(null, null, "100.00")))
                        .get("free_shipping")
                        .get("free")
                        .asBoolean())
                .isTrue();
        // as another instance would: straight in the database, this server not told
        jdbc.update(
                "DELETE FROM checkout_policies WHERE store_id = ?", store.id().value());
        jdbc.update(
                "UPDATE checkout_settings SET revision = revision + 1 WHERE store_id = ?",
                store.id().value());
        long deadline = System.nanoTime()
                + io.basira.server.checkout.jdbc.JdbcCheckoutPolicies.TRUSTED_FOR.toNanos()
                + 500_000_000L;
        boolean free = true;
        while (free && System.nanoTime() < deadline) {
            Thread.sleep(50);
            free = json(api.postJson("/api/v1/checkout/decisions", cart(null, null, "100.00")))
                    .get("free_shipping")
                    .get("free")
                    .asBoolean();
        }
        assertThat(free).isFalse();
    }

    @Test
    void a_coupon_use_taken_elsewhere_reaches_decisions_within_a_second() throws Exception {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"ELSEWHERE\",\"benefit\":\"percent_off\",\"percent\":10," + "\"usage_limit\":1}");
        api.post("/api/v1/customers/bulk", "application/x-ndjson", customer("E1") + "\n");
        assertThat(reason(api, "E1", "ELSEWHERE")).isEqualTo("valid"); // now remembered by this server
        // as another instance's order would: straight in the database, this server not told
        jdbc.update(
                "UPDATE checkout_coupons SET used = 1 WHERE store_id = ? AND code = 'ELSEWHERE'",
                store.id().value());
        long deadline = System.nanoTime()
                + io.basira.server.checkout.jdbc.JdbcCheckoutPolicies.TRUSTED_FOR.toNanos()
                + 500_000_000L;
        String reason = "valid";
        while (reason.equals("valid") && System.nanoTime() < deadline) {
            Thread.sleep(50);
            reason = reason(api, "E1", "ELSEWHERE");
        }
        assertThat(reason).isEqualTo("usage_limit_reached");
    }

    @Test
    void a_bad_request_gets_a_clear_error() {
        Api api = newStore();
        Api.Response response = api.postJson(
                "/api/v1/checkout/decisions",
                "{\"items\":[{\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"1.005\"}]}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("problems").get(0).asString()).startsWith("items[0].unit_price:");
        Api.Response policy = api.postJson(
                "/api/v1/checkout/policies", "{\"name\":\"x\",\"kind\":\"percent_off\"," + "\"percent\":130}");
        assertThat(policy.status()).isEqualTo(422);
        assertThat(json(policy).get("problems").get(0).asString()).contains("at most 100");
    }

    @Test
    void every_change_is_audited_with_who_when_and_what() {
        Api api = newStore();
        String id = json(api.postJson("/api/v1/checkout/policies", "{\"name\":\"Free\",\"kind\":\"free_shipping\"}"))
                .get("id")
                .asString();
        assertThat(api.send(
                                "PUT",
                                "/api/v1/checkout/policies/" + id,
                                "{\"name\":\"Free above 200\",\"kind\":"
                                        + "\"free_shipping\",\"minimum_total\":\"200.00\"}")
                        .status())
                .isEqualTo(200);
        api.postJson("/api/v1/checkout/coupons", "{\"code\":\"save10\",\"benefit\":\"percent_off\",\"percent\":10}");
        assertThat(api.delete("/api/v1/checkout/policies/" + id).status()).isEqualTo(204);
        JsonNode audit = json(api.get("/api/v1/checkout/audit"));
        assertThat(audit).hasSize(4);
        assertThat(audit.get(0).get("action").asString()).isEqualTo("delete");
        JsonNode update = audit.get(2);
        assertThat(update.get("subject").asString()).isEqualTo("policy");
        assertThat(update.get("before").get("minimum_total").isNull()).isTrue();
        assertThat(update.get("after").get("minimum_total").asString()).isEqualTo("200.00");
        assertThat(update.get("api_key_prefix").asString()).startsWith("bsk_");
        assertThat(update.get("api_key_id").asLong()).isPositive();
        assertThat(update.get("at").asString()).isEqualTo("2024-06-01T09:00:00Z");
        assertThat(audit.get(1).get("after").get("code").asString()).isEqualTo("SAVE10");
    }

    @Test
    void a_coupon_for_high_value_customers_is_refused_to_others_with_a_reason() {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"HV100\",\"benefit\":\"amount_off\",\"amount\":\"100.00\","
                        + "\"groups\":{\"any_of\":[\"high-value\"]}}");
        groups.put(store.id(), "C1", "high-value");
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart("C1", "hv100", "400.00")))
                        .get("coupon")
                        .get("reason")
                        .asString())
                .isEqualTo("valid");
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart("C2", "HV100", "400.00")))
                        .get("coupon")
                        .get("reason")
                        .asString())
                .isEqualTo("not_eligible");
        assertThat(json(api.postJson("/api/v1/checkout/decisions", cart("C2", "NOPE", "400.00")))
                        .get("coupon")
                        .get("reason")
                        .asString())
                .isEqualTo("not_found");
    }

    @Test
    void orders_from_the_api_bulk_and_csv_import_count_uses_and_cancellation_gives_them_back() {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"ONCE\",\"benefit\":\"percent_off\",\"percent\":10,"
                        + "\"usage_limit\":3,\"per_customer_limit\":1}");
        api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1") + "\n" + customer("C2") + "\n" + customer("C3") + "\n" + customer("C4") + "\n");
        api.postJson("/api/v1/orders", order("O1", "C1", "pending", "once"));
        assertThat(reason(api, "C1", "ONCE")).isEqualTo("already_used");
        api.post("/api/v1/orders/bulk", "application/x-ndjson", order("O2", "C2", "completed", "ONCE") + "\n");
        api.upload(
                "/api/v1/imports",
                java.util.Map.of(
                        "customers.csv",
                        "customer_id,created_at\nC3,2024-01-01\n",
                        "orders.csv",
                        "order_id,customer_id,created_at,status,total,coupon_code\nO3,C3,2024-05-30,pending,300,ONCE\n"));
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isEqualTo(3);
        assertThat(reason(api, "C4", "ONCE")).isEqualTo("usage_limit_reached");
        api.postJson("/api/v1/orders", order("O2", "C2", "cancelled", "ONCE"));
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isEqualTo(2);
        assertThat(reason(api, "C4", "ONCE")).isEqualTo("valid");
        api.postJson("/api/v1/orders", order("O1", "C1", "pending", "once"));
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isEqualTo(2);
    }

    @Test
    void each_customer_asking_about_a_coupon_sees_their_own_uses_however_many_customers_used_it() {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"MANY\",\"benefit\":\"percent_off\",\"percent\":10,"
                        + "\"usage_limit\":10,\"per_customer_limit\":1}");
        api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1") + "\n" + customer("C2") + "\n" + customer("C3") + "\n");
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "MANY"));
        api.postJson("/api/v1/orders", order("O2", "C2", "completed", "MANY"));
        JdbcCoupons remembersAll = new JdbcCoupons(jdbc, JSON, java.time.Clock.systemUTC());
        JdbcCoupons remembersOne = new JdbcCoupons(jdbc, JSON, java.time.Clock.systemUTC(), 1);
        for (JdbcCoupons coupons : List.of(remembersAll, remembersOne)) {
            assertThat(coupons.find(store.id(), "many", "C1").orElseThrow().usedByCustomer())
                    .isEqualTo(1);
            assertThat(coupons.find(store.id(), "MANY", "C2").orElseThrow().usedByCustomer())
                    .isEqualTo(1);
            assertThat(coupons.find(store.id(), "MANY", "C3").orElseThrow().usedByCustomer())
                    .isZero();
            assertThat(coupons.find(store.id(), "MANY", null).orElseThrow().used())
                    .isEqualTo(2);
            assertThat(coupons.find(store.id(), "NONE", "C1")).isEmpty();
        }
        assertThat(reason(api, "C1", "MANY")).isEqualTo("already_used");
        assertThat(reason(api, "C3", "MANY")).isEqualTo("valid");
    }

    private String reason(Api api, String customer, String coupon) {
        return json(api.postJson("/api/v1/checkout/decisions", cart(customer, coupon, "400.00")))
                .get("coupon")
                .get("reason")
                .asString();
    }

    @Test
    void sixteen_concurrent_checkouts_for_the_last_use_count_exactly_one() throws Exception {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"LAST\",\"benefit\":\"amount_off\",\"amount\":\"50.00\"," + "\"usage_limit\":1}");
        int threads = 16;
        StringBuilder customers = new StringBuilder();
        for (int i = 0; i < threads; i++) {
            customers.append(customer("T" + i)).append('\n');
        }
        api.post("/api/v1/customers/bulk", "application/x-ndjson", customers.toString());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<int[]>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String id = "T" + i;
            results.add(pool.submit(() -> {
                start.await();
                String verdict = reason(api, id, "LAST");
                int status = api.postJson("/api/v1/orders", order("OT" + id, id, "pending", "LAST"))
                        .status();
                return new int[] {verdict.equals("valid") ? 1 : 0, status};
            }));
        }
        start.countDown();
        int validAtCheckout = 0;
        for (Future<int[]> result : results) {
            int[] r = result.get();
            validAtCheckout += r[0];
            assertThat(r[1]).as("every order is accepted").isEqualTo(200);
        }
        pool.shutdown();
        JsonNode coupon = json(api.get("/api/v1/checkout/coupons/LAST"));
        assertThat(coupon.get("used").asInt()).isEqualTo(1);
        assertThat(coupon.get("orders_over_limit").asInt()).isEqualTo(threads - 1);
        assertThat(validAtCheckout).isGreaterThanOrEqualTo(1);
        assertThat(reason(api, "T0", "LAST")).isEqualTo("usage_limit_reached");
    }

    @Test
    void sixteen_concurrent_writes_of_one_order_hold_at_most_one_use() throws Exception {
        Api api = newStore();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"ONE\",\"benefit\":\"percent_off\",\"percent\":10," + "\"usage_limit\":5}");
        api.postJson("/api/v1/customers", customer("C1"));
        api.postJson("/api/v1/customers", customer("C2"));
        int threads = 16;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            String body = order("O1", i % 3 == 0 ? "C2" : "C1", i % 2 == 0 ? "pending" : "cancelled", "ONE");
            results.add(pool.submit(() -> {
                start.await();
                return api.postJson("/api/v1/orders", body).status();
            }));
        }
        start.countDown();
        for (Future<Integer> result : results) {
            assertThat(result.get()).as("every write is accepted").isEqualTo(200);
        }
        pool.shutdown();
        assertThat(json(api.get("/api/v1/checkout/coupons/ONE")).get("used").asInt())
                .isBetween(0, 1);
        api.postJson("/api/v1/orders", order("O1", "C1", "pending", "ONE"));
        assertThat(json(api.get("/api/v1/checkout/coupons/ONE")).get("used").asInt())
                .isEqualTo(1);
        api.postJson("/api/v1/orders", order("O1", "C2", "cancelled", "ONE"));
        assertThat(json(api.get("/api/v1/checkout/coupons/ONE")).get("used").asInt())
                .isZero();
    }

    @Test
    void a_reimport_that_moves_and_cancels_an_order_gives_its_use_back_and_leaves_the_first_card() {
        Api api = newStore();
        api.postJson("/api/v1/checkout/coupons", "{\"code\":\"ONCE\",\"benefit\":\"percent_off\",\"percent\":10}");
        String customers = "customer_id,created_at\nC1,2024-01-01\nC2,2024-01-01\n";
        Api.Response first = api.upload(
                "/api/v1/imports",
                java.util.Map.of(
                        "customers.csv",
                        customers,
                        "orders.csv",
                        "order_id,customer_id,created_at,status,total,coupon_code\nO1,C1,2024-05-30,completed,300,ONCE\n"));
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isEqualTo(1);
        Api.Response second = api.upload(
                "/api/v1/imports",
                java.util.Map.of(
                        "customers.csv",
                        customers,
                        "orders.csv",
                        "order_id,customer_id,created_at,status,total,coupon_code\nO1,C2,2024-05-30,cancelled,300,ONCE\n"));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isZero();
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isZero();
        assertThat(json(api.get("/api/v1/customers/C2"))
                        .get("indicators")
                        .get("cancelled_orders")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void an_order_stored_by_an_older_version_with_values_todays_rules_refuse_is_written_again() {
        Api api = newStore();
        api.postJson("/api/v1/checkout/coupons", "{\"code\":\"ONCE\",\"benefit\":\"percent_off\",\"percent\":10}");
        api.postJson("/api/v1/customers", customer("C1"));
        api.postJson("/api/v1/orders", order("O1", "C1", "pending", "ONCE"));
        jdbc.update(
                "UPDATE orders SET created_at = ?, payment_method = ? WHERE store_id = ? AND external_id = 'O1'",
                java.sql.Timestamp.from(java.time.Instant.parse("9999-12-31T00:00:00Z")),
                "ca\u0001rd",
                store.id().value());
        Api.Response again = api.postJson("/api/v1/orders", order("O1", "C1", "cancelled", "ONCE"));
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/checkout/coupons/ONCE")).get("used").asInt())
                .isZero();
    }
}
