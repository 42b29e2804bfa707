package io.basira.server.browsing.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.browsing.VisitorHash;
import io.basira.server.browsing.BrowsingIntake;
import io.basira.server.browsing.BrowsingUpkeep;
import io.basira.server.browsing.jdbc.JdbcBrowsing;
import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Browsing through the snippet's doors (docs/browsing.md): a beacon from an allowed origin is recorded, an
 * identify joins the visitor's earlier anonymous events to the customer, the card fields follow and groups
 * on them too; bad events, wrong origins, unknown keys, bots and Do-Not-Track are refused or ignored as
 * documented; the nightly upkeep prunes by the retention; a customer's browsing is exported and erased.
 */
abstract class BrowsingContract extends ApiTestBase {

    private static final String SHOP = "https://shop.example";
    private static final String BROWSER =
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    BrowsingIntake intake;

    @Autowired
    JdbcBrowsing browsing;

    @Autowired
    BrowsingUpkeep upkeep;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    java.time.Clock clock;

    private Api api;
    private String siteKey;
    private Store store;

    @BeforeEach
    void aStoreWithASite() {
        api = newStore("browsing");
        store = stores.findBySlug(json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow();
        siteKey = json(api.get("/api/v1/browsing/site")).get("site_key").asString();
        Api.Response put = api.putJson(
                "/api/v1/browsing/site",
                "{\"allowed_origins\":[\"" + SHOP + "/\"],"
                        + "\"consent_required\":false,\"honour_dnt\":true,\"retention_months\":13}");
        assertThat(put.status()).as(put.body()).isEqualTo(200);
        assertThat(json(put).get("allowed_origins").get(0).asString()).isEqualTo(SHOP);
        assertThat(json(put).get("snippet").asString()).contains("/t.js?k=" + siteKey);
    }

    @Test
    void identify_joins_the_visitors_earlier_events_to_the_customer_and_groups_follow() throws Exception {
        api.postJson("/api/v1/customers", customer("C1", "Sara"));
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"returning\",\"name\":\"returning\","
                        + "\"rule\":\"sessions_30d >= 2 AND visitor_type = 'returning'\"}");
        assertThat(beacon(
                                SHOP,
                                BROWSER,
                                "visitor-1",
                                "session-1",
                                "{\"t\":\"page\",\"p\":\"/\"}",
                                "{\"t\":\"product\",\"p\":\"/p/1\",\"pr\":\"P1\",\"ca\":\"shoes\"}",
                                "{\"t\":\"page\",\"p\":\"/about\"}")
                        .statusCode())
                .as("every event queued: no body")
                .isEqualTo(204);
        flush();
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isEqualTo(3);
        assertThat(browsing.export(store.id(), "C1").get("aggregates")).isNull();
        assertThat(members("returning")).isEmpty();

        HttpResponse<String> identify =
                beacon(SHOP, BROWSER, "visitor-1", "session-2", "{\"t\":\"identify\",\"p\":\"/login\",\"cu\":\"C1\"}");
        assertThat(identify.statusCode()).isEqualTo(204);
        assertThat(identify.body()).isEmpty();
        assertThat(identify.headers().firstValue("Access-Control-Allow-Origin")).contains(SHOP);
        flush();
        Map<String, Object> export = browsing.export(store.id(), "C1");
        @SuppressWarnings("unchecked")
        Map<String, Object> aggregates = (Map<String, Object>) export.get("aggregates");
        assertThat(aggregates)
                .containsEntry("sessions_30d", 2)
                .containsEntry("page_views_30d", 2)
                .containsEntry("product_views_30d", 1);
        assertThat(export.get("visitors")).isEqualTo(List.of("visitor-1"));
        assertThat((List<?>) export.get("events")).hasSize(4);
        assertThat(members("returning")).containsExactly("C1");
    }

    @Test
    void bad_events_wrong_origins_and_unknown_keys_are_refused_with_their_reason() throws Exception {
        HttpResponse<String> mixed = beacon(
                SHOP,
                BROWSER,
                "visitor-2",
                "session-1",
                "{\"t\":\"page\",\"p\":\"/\"}",
                "{\"t\":\"product\"}",
                "{\"t\":\"teleport\"}");
        assertThat(mixed.statusCode()).isEqualTo(202);
        JsonNode answer = JSON.readTree(mixed.body());
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        assertThat(answer.get("rejected").findValuesAsString("reason"))
                .containsExactly("missing_field", "unknown_kind");
        assertThat(answer.get("rejected").findValuesAsString("index")).containsExactly("1", "2");

        HttpResponse<String> badId = beacon(SHOP, BROWSER, "v", "session-1", "{\"t\":\"page\"}");
        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("bad_id");
        assertThat(send(SHOP, BROWSER, Map.of(), "not json").statusCode()).isEqualTo(400);

        HttpResponse<String> elsewhere =
                beacon("https://evil.example", BROWSER, "visitor-2", "session-1", "{\"t\":\"page\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(403);
        assertThat(elsewhere.headers().firstValue("Access-Control-Allow-Origin"))
                .isEmpty();
        assertThat(post("/b/collect?k=bs_nosuchkey", SHOP, BROWSER, Map.of(), "{}")
                        .statusCode())
                .isEqualTo(404);
        flush();
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isEqualTo(1);
    }

    @Test
    void bots_and_do_not_track_leave_nothing() throws Exception {
        assertThat(beacon(
                                SHOP,
                                "Googlebot/2.1 (+http://www.google.com/bot.html)",
                                "visitor-3",
                                "session-1",
                                "{\"t\":\"page\"}")
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(SHOP, BROWSER, Map.of("DNT", "1"), body("visitor-3", "session-1", "{\"t\":\"page\"}"))
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(SHOP, BROWSER, Map.of("Sec-GPC", "1"), body("visitor-3", "session-1", "{\"t\":\"page\"}"))
                        .statusCode())
                .isEqualTo(204);
        flush();
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isZero();
    }

    @Test
    void the_script_carries_the_sites_settings_and_is_small() throws Exception {
        HttpResponse<String> script = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/t.js?k=" + siteKey))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.headers().firstValue("Content-Type"))
                .hasValueSatisfying(t -> assertThat(t).startsWith("text/javascript"));
        assertThat(script.body()).contains("{\"c\":false,\"d\":true}").doesNotContain("__CONFIG__");
        java.io.ByteArrayOutputStream zipped = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(zipped)) {
            gzip.write(script.body().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(zipped.size()).as("gzipped bytes").isLessThanOrEqualTo(3 * 1024);
        assertThat(HTTP.send(
                                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/t.js?k=bs_none"))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void the_nightly_upkeep_prunes_past_the_retention_and_privacy_erase_removes_a_customers_browsing()
            throws Exception {
        Instant old = Instant.parse("2023-01-01T10:00:00Z");
        new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> browsing.append(
                        store.id(),
                        List.of(new BrowsingEvent(
                                EventKind.PAGE, "visitor-4", "session-0", old, "/old", null, null, null, null)),
                        old));
        api.postJson("/api/v1/customers", customer("C4", "Huda"));
        beacon(SHOP, BROWSER, "visitor-4", "session-9", "{\"t\":\"identify\",\"cu\":\"C4\"}");
        flush();
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isEqualTo(2);
        upkeep.run(store);
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isEqualTo(1);
        assertThat(count("SELECT sessions_total FROM browsing_customers WHERE store_id = ?"))
                .isEqualTo(1);

        assertThat(browsing.erase(store.id(), "C4")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ?"))
                .isZero();
        assertThat(count("SELECT COUNT(*) FROM browsing_customers WHERE store_id = ?"))
                .isZero();
        assertThat(browsing.export(store.id(), "C4").get("visitors")).isEqualTo(List.of());
    }

    @Test
    void viewed_products_and_categories_within_7_and_30_days_select_customers_in_rules() throws Exception {
        api.postJson("/api/v1/customers", customer("C5", "Noura"));
        api.postJson("/api/v1/customers", customer("C6", "Maha"));
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"shoes-week\",\"name\":\"shoes-week\"," + "\"rule\":\"viewed_categories_7d = 'shoes'\"}");
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"bags-month\",\"name\":\"bags-month\","
                        + "\"rule_json\":{\"field\":\"viewed_products_30d\",\"op\":\"in\",\"values\":[\"B1\",\"B2\"]}}");
        api.postJson(
                "/api/v1/groups",
                "{\"key\":\"bags-week\",\"name\":\"bags-week\"," + "\"rule\":\"viewed_products_7d = 'B1'\"}");
        Instant tenDaysAgo = clock.instant().minus(Duration.ofDays(10));
        new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> browsing.append(
                        store.id(),
                        List.of(new BrowsingEvent(
                                EventKind.PRODUCT,
                                "visitor-6",
                                "session-0",
                                tenDaysAgo,
                                "/p/b1",
                                "B1",
                                "bags",
                                null,
                                null)),
                        tenDaysAgo));
        beacon(
                SHOP,
                BROWSER,
                "visitor-5",
                "session-1",
                "{\"t\":\"product\",\"p\":\"/p/1\",\"pr\":\"P1\"," + "\"ca\":\"shoes\"}",
                "{\"t\":\"identify\",\"cu\":\"C5\"}");
        beacon(SHOP, BROWSER, "visitor-6", "session-2", "{\"t\":\"identify\",\"cu\":\"C6\"}");
        flush();
        assertThat(members("shoes-week")).containsExactly("C5");
        assertThat(members("bags-month")).containsExactly("C6");
        assertThat(members("bags-week")).isEmpty();
        long tenDays = java.time.LocalDate.ofInstant(tenDaysAgo, java.time.ZoneId.of("Asia/Riyadh"))
                .toEpochDay();
        assertThat(count("SELECT COUNT(*) FROM browsing_customers WHERE store_id = ? AND viewed_product_days = 'B1	"
                        + tenDays + "' AND viewed_category_days = 'bags	" + tenDays + "'"))
                .isEqualTo(1);
    }

    @Test
    void the_analytics_show_pages_products_with_conversion_and_returning_visitors() throws Exception {
        api.postJson("/api/v1/customers", customer("C7", "Reem"));
        beacon(
                SHOP,
                BROWSER,
                "visitor-7",
                "session-1",
                "{\"t\":\"page\",\"p\":\"/\"}",
                "{\"t\":\"product\",\"p\":\"/p/7\",\"pr\":\"P7\"}");
        beacon(
                SHOP,
                BROWSER,
                "visitor-7",
                "session-2",
                "{\"t\":\"page\",\"p\":\"/\"}",
                "{\"t\":\"identify\",\"cu\":\"C7\"}");
        beacon(
                SHOP,
                BROWSER,
                "visitor-8",
                "session-3",
                "{\"t\":\"page\",\"p\":\"/sale\"}",
                "{\"t\":\"product\",\"p\":\"/p/7\",\"pr\":\"P7\"}",
                "{\"t\":\"product\",\"pr\":\"P8\"}");
        flush();
        Api.Response order = api.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"O7\",\"customer_id\":\"C7\","
                        + "\"status\":\"completed\",\"total\":\"50.00\",\"created_at\":\""
                        + clock.instant().minus(Duration.ofHours(1)) + "\",\"items\":[{"
                        + "\"product_id\":\"P7\",\"quantity\":1,\"unit_price\":\"50.00\"}]}");
        assertThat(order.status()).as(order.body()).isEqualTo(200);

        JsonNode answer = json(api.get("/api/v1/browsing/analytics"));
        assertThat(answer.get("pages").get(0).get("path").asString()).isEqualTo("/");
        assertThat(answer.get("pages").get(0).get("views").asLong()).isEqualTo(2);
        assertThat(answer.get("pages").get(0).get("visitors").asLong()).isEqualTo(1);
        JsonNode p7 = answer.get("products").get(0);
        assertThat(p7.get("product_id").asString()).isEqualTo("P7");
        assertThat(p7.get("viewers").asLong()).isEqualTo(2);
        assertThat(p7.get("buyers").asLong()).isEqualTo(1);
        assertThat(p7.get("conversion").asString()).isEqualTo("0.5000");
        assertThat(answer.get("visitors").get("returning").asLong()).isEqualTo(1);
        assertThat(answer.get("visitors").get("new").asLong()).isEqualTo(1);
        assertThat(answer.get("conversion").get("returning").asString()).isEqualTo("1.0000");
        assertThat(answer.get("conversion").get("new").asString()).isEqualTo("0.0000");
        assertThat(answer.get("sessions_per_day")).hasSize(30);
        long sessions = 0;
        for (JsonNode day : answer.get("sessions_per_day")) {
            sessions += day.get("sessions").asLong();
        }
        assertThat(sessions).isEqualTo(3);
        assertThat(api.get("/api/v1/browsing/analytics?from=2030-01-01").status())
                .isEqualTo(400);
        // another store sees nothing of this one
        JsonNode other = json(newStore("browsing-other").get("/api/v1/browsing/analytics"));
        assertThat(other.get("pages")).isEmpty();
        assertThat(other.get("visitors").get("total").asLong()).isZero();
    }

    @Test
    void two_visitors_with_one_hash_never_mix() throws Exception {
        // visitor-b's rows are written as if its id had visitor-a's hash (a collision no search would find)
        api.postJson("/api/v1/customers", customer("C10", "Amal"));
        api.postJson("/api/v1/customers", customer("C11", "Dana"));
        long shared = VisitorHash.of("visitor-a");
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO browsing_visitors (store_id, visitor_id, visitor_hash, customer_external_id, linked_at) "
                        + "VALUES (?, 'visitor-b', ?, 'C11', ?)",
                store.id().value(),
                shared,
                JdbcBrowsing.utc(now));
        for (String[] event : new String[][] {
            {"session-b1", "page", "/b", null}, {"session-b1", "page", "/b2", null},
            {"session-b2", "page", "/b3", null}, {"session-b2", "product", "/p/11", "P11"}
        }) {
            jdbc.update(
                    "INSERT INTO browsing_events (store_id, visitor_id, visitor_hash, session_id, occurred_at, "
                            + "received_at, kind, path, product_id) VALUES (?, 'visitor-b', ?, ?, ?, ?, ?, ?, ?)",
                    store.id().value(),
                    shared,
                    event[0],
                    JdbcBrowsing.utc(now.minus(Duration.ofMinutes(5))),
                    JdbcBrowsing.utc(now),
                    event[1],
                    event[2],
                    event[3]);
        }
        beacon(
                SHOP,
                BROWSER,
                "visitor-a",
                "session-a",
                "{\"t\":\"page\",\"p\":\"/a\"}",
                "{\"t\":\"product\",\"p\":\"/p/10\",\"pr\":\"P10\"}",
                "{\"t\":\"identify\",\"cu\":\"C10\"}");
        flush();
        assertThat(count("SELECT COUNT(DISTINCT visitor_hash) FROM browsing_events WHERE store_id = ?"))
                .as("both visitors' events under one hash")
                .isEqualTo(1);
        new org.springframework.transaction.support.TransactionTemplate(
                        new org.springframework.jdbc.support.JdbcTransactionManager(jdbc.getDataSource()))
                .executeWithoutResult(status -> browsing.recompute(store.id(), List.of("C10", "C11"), now));

        assertThat(aggregates("C10"))
                .containsEntry("sessions_total", 1)
                .containsEntry("page_views_30d", 1)
                .containsEntry("product_views_30d", 1);
        assertThat(aggregates("C10").get("viewed_product_days").toString()).startsWith("P10\t");
        assertThat(aggregates("C11"))
                .containsEntry("sessions_total", 2)
                .containsEntry("page_views_30d", 3)
                .containsEntry("product_views_30d", 1);
        assertThat(aggregates("C11").get("viewed_product_days").toString()).startsWith("P11\t");
        assertThat((List<?>) browsing.export(store.id(), "C10").get("events"))
                .hasSize(3)
                .allSatisfy(e -> assertThat(((Map<?, ?>) e).get("visitor_id")).isEqualTo("visitor-a"));

        JsonNode visitors = json(api.get("/api/v1/browsing/analytics")).get("visitors");
        assertThat(visitors.get("total").asLong()).isEqualTo(2);
        assertThat(visitors.get("returning").asLong())
                .as("visitor-b: two sessions")
                .isEqualTo(1);
        assertThat(visitors.get("new").asLong()).as("visitor-a: one session").isEqualTo(1);

        assertThat(browsing.erase(store.id(), "C10")).isEqualTo(3);
        assertThat(count("SELECT COUNT(*) FROM browsing_events WHERE store_id = ? AND visitor_id = 'visitor-b'"))
                .isEqualTo(4);
        upkeep.run(store);
        assertThat(browsing.export(store.id(), "C11").get("visitors")).isEqualTo(List.of("visitor-b"));
        assertThat(aggregates("C11")).containsEntry("sessions_total", 2);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> aggregates(String customer) {
        return (Map<String, Object>) browsing.export(store.id(), customer).get("aggregates");
    }

    private List<String> members(String group) {
        List<String> ids = new ArrayList<>();
        json(api.get("/api/v1/groups/" + group + "/members?size=500"))
                .get("items")
                .forEach(c -> ids.add(c.get("customer_id").asString()));
        return ids;
    }

    private long count(String sql) {
        Long value = jdbc.queryForObject(sql, Long.class, store.id().value());
        return value == null ? 0 : value;
    }

    private void flush() throws InterruptedException {
        assertThat(intake.flush(Duration.ofSeconds(20)))
                .as("the writer caught up")
                .isTrue();
    }

    private HttpResponse<String> beacon(String origin, String agent, String visitor, String session, String... events)
            throws Exception {
        return send(origin, agent, Map.of(), body(visitor, session, events));
    }

    private static String body(String visitor, String session, String... events) {
        return "{\"v\":\"" + visitor + "\",\"s\":\"" + session + "\",\"e\":[" + String.join(",", events) + "]}";
    }

    private HttpResponse<String> send(String origin, String agent, Map<String, String> headers, String body)
            throws Exception {
        return post("/b/collect?k=" + siteKey, origin, agent, headers, body);
    }

    private HttpResponse<String> post(
            String path, String origin, String agent, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Origin", origin)
                .header("User-Agent", agent)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
