package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.Api;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Values that used to be acknowledged and then broke the store (issue 9, items 4 and 7): extreme
 * dates, over-long text, NUL and other control characters, unpaired surrogates, an object where a
 * string belongs. Each is refused at the door with where and why, nothing is stored, and every
 * read of the store still answers afterwards. Run on H2 and PostgreSQL.
 */
abstract class HostileInputContract extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    private static final String OUTSIDE = " is outside the accepted dates 1900-01-01 to 2199-12-31";

    /** The problems of a refused request. */
    private static List<String> problems(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        return StreamSupport.stream(json(response).get("problems").spliterator(), false)
                .map(JsonNode::asString)
                .toList();
    }

    @Test
    void extreme_dates_are_refused_at_every_way_in_and_the_store_keeps_answering() {
        Api api = newStore("dates");
        assertThat(api.postJson("/api/v1/customers", customer("C1", "Sara")).status())
                .isEqualTo(200);

        assertThat(problems(api.postJson(
                        "/api/v1/orders", order("O1", "C1", "completed", "10.00", "+999999999-12-31T23:59:59Z"))))
                .containsExactly("request: created_at: '+999999999-12-31T23:59:59Z'" + OUTSIDE);
        assertThat(
                        problems(
                                api.postJson(
                                        "/api/v1/customers",
                                        "{\"customer_id\":\"C2\",\"created_at\":\"-4714-01-01T00:00:00Z\",\"birth_date\":\"-9999-01-01\"}")))
                .containsExactly(
                        "request: birth_date: '-9999-01-01'" + OUTSIDE,
                        "request: created_at: '-4714-01-01T00:00:00Z'" + OUTSIDE);
        assertThat(problems(api.post(
                        "/api/v1/orders/bulk",
                        "application/x-ndjson",
                        order("O2", "C1", "completed", "10.00", "2024-05-01") + "\n"
                                + order("O3", "C1", "completed", "10.00", "-999999999-01-01T00:00:00Z") + "\n")))
                .containsExactly("line 2: created_at: '-999999999-01-01T00:00:00Z'" + OUTSIDE);
        assertThat(
                        problems(
                                api.post(
                                        "/api/v1/carts/bulk",
                                        "application/x-ndjson",
                                        "{\"cart_id\":\"K1\",\"created_at\":\"2024-05-01\",\"updated_at\":\"2200-01-01\",\"status\":\"open\"}\n")))
                .containsExactly("line 1: updated_at: '2200-01-01'" + OUTSIDE);

        // the limits themselves are accepted, on both databases
        assertThat(api.postJson(
                                "/api/v1/customers",
                                "{\"customer_id\":\"C3\",\"created_at\":\"1900-01-01\","
                                        + "\"birth_date\":\"1900-01-01\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson("/api/v1/orders", order("O4", "C3", "completed", "10.00", "2199-12-31T23:59:59+03:00"))
                        .status())
                .isEqualTo(200);
        assertThat(json(api.get("/api/v1/customers/C3"))
                        .get("attributes")
                        .get("birth_date")
                        .asString())
                .isEqualTo("1900-01-01");

        everyReadAnswers(api, "C3", 1);
    }

    @Test
    void analysis_dates_outside_the_range_are_refused_naming_the_parameter() {
        Api api = newStore("as-of");
        Api.Response asOf = api.get("/api/v1/analytics/overview?as_of=%2B999999999-12-31");
        assertThat(asOf.status()).isEqualTo(400);
        assertThat(json(asOf).get("detail").asString()).isEqualTo("as-of: '+999999999-12-31'" + OUTSIDE);
        assertThat(json(api.get("/api/v1/analytics/cohorts?from=1800-01-01"))
                        .get("detail")
                        .asString())
                .isEqualTo("from: '1800-01-01'" + OUTSIDE);
        Api.Response refresh = api.post("/api/v1/analytics/refresh?as_of=-999999999-01-01", "application/json", "");
        assertThat(refresh.status()).isEqualTo(400);
        assertThat(json(refresh).get("detail").asString()).isEqualTo("as-of: '-999999999-01-01'" + OUTSIDE);
        assertThat(api.get("/api/v1/analytics/overview?as_of=2199-12-31").status())
                .isEqualTo(200);
    }

    @Test
    void over_long_text_control_characters_and_unpaired_surrogates_are_refused_with_the_same_messages() {
        Api api = newStore("text");
        String name = "n".repeat(201);
        assertThat(problems(api.postJson(
                        "/api/v1/customers",
                        "{\"customer_id\":\"C1\",\"first_name\":\"" + name + "\",\"email\":\"" + "e".repeat(321)
                                + "\",\"tags\":[\"" + "t".repeat(1500) + "\",\"" + "u".repeat(600)
                                + "\"],\"created_at\":\"2024-01-01\"}")))
                .containsExactly(
                        "request: first_name: is longer than 200 characters (it has 201)",
                        "request: email: is longer than 320 characters (it has 321)",
                        "request: tags: is longer than 2000 characters (it has 2101)");
        assertThat(problems(api.postJson(
                        "/api/v1/customers",
                        "{\"customer_id\":\"C1\",\"first_name\":\"Sa\\u0000ra\",\"created_at\":\"2024-01-01\"}")))
                .containsExactly("request: first_name: contains the control character U+0000 at character 3");
        assertThat(problems(api.postJson(
                        "/api/v1/customers", "{\"customer_id\":\"PGS\\uD800X\",\"created_at\":\"2024-01-01\"}")))
                .containsExactly(
                        "request: customer_id: contains an unpaired surrogate U+D800 at character 4 (not valid Unicode)");
        assertThat(problems(api.post(
                        "/api/v1/products/bulk",
                        "application/x-ndjson",
                        "{\"product_id\":\"P1\",\"name\":\"" + "p".repeat(501) + "\"}\n"
                                + "{\"product_id\":\"P2\",\"category\":\"a\\u001Bb\"}\n")))
                .containsExactly(
                        "line 1: name: is longer than 500 characters (it has 501)",
                        "line 2: category: contains the control character U+001B at character 2");
        assertThat(problems(api.postJson(
                        "/api/v1/orders",
                        "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"status\":\"completed\","
                                + "\"total\":\"10.00\",\"created_at\":\"2024-01-01\",\"coupon_code\":\""
                                + "X".repeat(65) + "\"}")))
                .containsExactly("request: coupon_code: is longer than 64 characters (it has 65)");
        assertThat(api.get("/api/v1/customers/export").body().lines()).hasSize(1);
    }

    @Test
    void a_json_object_or_array_where_a_value_belongs_is_refused_naming_the_field() {
        Api api = newStore("shapes");
        assertThat(problems(
                        api.postJson("/api/v1/customers", "{\"customer_id\":{\"a\":1},\"created_at\":\"2024-01-01\"}")))
                .containsExactly("request: customer_id: expected a string or a number, not a JSON object");
        assertThat(problems(
                        api.postJson("/api/v1/customers", "{\"customer_id\":[\"C1\"],\"created_at\":\"2024-01-01\"}")))
                .containsExactly("request: customer_id: expected a string or a number, not a JSON array");
        assertThat(problems(api.postJson(
                        "/api/v1/customers",
                        "{\"customer_id\":\"C1\",\"tags\":[{\"a\":1}],\"created_at\":\"2024-01-01\"}")))
                .containsExactly("request: tags: expected an array of strings");
        api.postJson("/api/v1/customers", customer("C1", "Sara"));
        assertThat(problems(api.postJson(
                        "/api/v1/orders",
                        "{\"order_id\":\"O1\",\"customer_id\":\"C1\",\"status\":\"completed\","
                                + "\"total\":\"10.00\",\"created_at\":\"2024-01-01\",\"items\":[{\"product_id\":{\"a\":1},\"quantity\":1,"
                                + "\"unit_price\":\"10.00\"},\"P2\"]}")))
                .containsExactly(
                        "request: items[0]: product_id: expected a string or a number, not a JSON object",
                        "request: items[1]: expected a JSON object {product_id, quantity, unit_price}");
        assertThat(api.get("/api/v1/customers/export").body().lines()).hasSize(2);
    }

    @Test
    void text_at_every_limit_is_stored_and_read_back_unchanged() {
        Api api = newStore("limits");
        String id = "ع".repeat(128);
        String first = "سارة".repeat(50);
        String email = "e".repeat(310) + "@basira.sa";
        String city = "\uD83C\uDF81".repeat(50); // 50 emoji = 100 UTF-16 units, the column's limit on H2 and PostgreSQL
        String body = "{\"customer_id\":\"" + id + "\",\"first_name\":\"" + first + "\",\"email\":\"" + email
                + "\",\"city\":\"" + city + "\",\"tags\":[\"" + "t".repeat(2000) + "\"],\"created_at\":\"2024-01-01\"}";
        assertThat(api.postJson("/api/v1/customers", body).status()).isEqualTo(200);
        JsonNode attributes = json(api.get(
                        "/api/v1/customers/" + java.net.URLEncoder.encode(id, java.nio.charset.StandardCharsets.UTF_8)))
                .get("attributes");
        assertThat(attributes.get("first_name").asString()).isEqualTo(first);
        assertThat(attributes.get("email").asString()).isEqualTo(email);
        assertThat(attributes.get("city").asString()).isEqualTo(city);
    }

    @Test
    void an_over_long_row_is_skipped_and_reported_with_skip_invalid_and_the_rest_imports() {
        Api api = newStore("upload");
        Map<String, String> files = new LinkedHashMap<>();
        files.put(
                "customers.csv",
                "customer_id,first_name,created_at\nC1,Sara,2024-01-01\nC2," + "n".repeat(201)
                        + ",2024-01-01\nC3,Omar,+999999999-12-31T23:59:59Z\n");
        files.put("orders.csv", "order_id,customer_id,created_at,status,total\nO1,C1,2024-02-01,completed,10\n");
        Api.Response refused = api.upload("/api/v1/imports", files);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(api.get("/api/v1/customers/C1").status()).isEqualTo(404);

        Api.Response skipped = api.upload("/api/v1/imports?skip_invalid=true", files);
        assertThat(skipped.status()).as(skipped.body()).isEqualTo(200);
        assertThat(StreamSupport.stream(json(skipped).get("errors").spliterator(), false)
                        .map(JsonNode::asString))
                .containsExactly(
                        "customers.csv:3: first_name: the value is longer than 200 characters (it has 201)",
                        "customers.csv:4: created_at: “+999999999-12-31T23:59:59Z”" + OUTSIDE);
        assertThat(json(skipped).get("error_details").findValuesAsString("code"))
                .containsExactly("too_long", "date_out_of_range");
        assertThat(api.get("/api/v1/customers/C2").status()).isEqualTo(404);
        everyReadAnswers(api, "C1", 1);
    }

    @Test
    void hostile_group_names_and_rules_are_refused_and_nothing_is_saved() {
        Api api = newStore("groups");
        Api.Response longName = api.postJson(
                "/api/v1/groups",
                "{\"key\":\"vip\",\"name\":\"" + "n".repeat(201) + "\",\"rule\":\"total_spent > 1\"}");
        assertThat(longName.status()).isEqualTo(400);
        assertThat(json(longName).get("detail").asString())
                .isEqualTo("name is longer than 200 characters (it has 201)");
        Api.Response nul =
                api.postJson("/api/v1/groups", "{\"key\":\"vip\",\"name\":\"V\\u0000\",\"rule\":\"total_spent > 1\"}");
        assertThat(json(nul).get("detail").asString())
                .isEqualTo("name contains the control character U+0000 at character 2");
        Api.Response literal = api.postJson(
                "/api/v1/groups", "{\"key\":\"riyadh\",\"name\":\"Riyadh\"," + "\"rule\":\"city = 'Ri\\u0000yadh'\"}");
        assertThat(literal.status()).isEqualTo(400);
        assertThat(json(literal).get("detail").asString()).startsWith("rule contains the control character U+0000");
        // 9,896 characters: under the 10,000 a rule may have, over the 8,000 a saved group's column holds
        String many = String.join(" OR ", java.util.Collections.nCopies(450, "total_spent > 1500"));
        Api.Response longRule =
                api.postJson("/api/v1/groups", "{\"key\":\"big\",\"name\":\"Big\",\"rule\":\"" + many + "\"}");
        assertThat(longRule.status()).isEqualTo(400);
        assertThat(json(longRule).get("detail").asString()).startsWith("rule is longer than 8000 characters");
        assertThat(json(api.get("/api/v1/groups")).get("items")).isEmpty();
    }

    @Test
    void nul_in_a_search_or_a_path_id_is_not_a_server_error() {
        Api api = newStore("reads");
        api.postJson("/api/v1/customers", customer("C1", "Sara"));
        Api.Response search = api.get("/api/v1/customers?q=Sa%00ra");
        assertThat(search.status()).as(search.body()).isEqualTo(200);
        assertThat(json(search).get("items")).isEmpty();
        assertThat(api.get("/api/v1/customers/C%001").status()).isIn(400, 404);
        assertThat(api.get("/api/v1/groups/v%00ip").status()).isIn(400, 404);
        assertThat(api.get("/api/v1/checkout/coupons/A%00B").status()).isIn(400, 404);
        assertThat(json(api.get("/api/v1/customers?q=Sara")).get("items")).hasSize(1);
    }

    @Test
    void bytes_that_are_not_utf8_are_refused_never_replaced() {
        Api api = newStore("bytes");
        byte[] overlong = {(byte) 0xC0, (byte) 0xAF}; // '/' in an overlong form
        Api.Response single = api.postBytes(
                "/api/v1/customers",
                "application/json",
                bytes("{\"customer_id\":\"C1\",\"first_name\":\"Sa", overlong, "ra\",\"created_at\":\"2024-01-01\"}"));
        assertThat(single.status()).isEqualTo(400);
        assertThat(json(single).get("detail").asString())
                .isEqualTo("line 1: the body is not valid UTF-8 (byte 0xC0 at offset 36); nothing was applied");
        Api.Response bulk = api.postBytes(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                bytes(
                        customer("C2", "Omar") + "\n{\"customer_id\":\"PGS",
                        overlong,
                        "X\",\"created_at\":\"2024-01-01\"}\n"));
        assertThat(bulk.status()).isEqualTo(400);
        assertThat(json(bulk).get("detail").asString())
                .startsWith("line 2: the body is not valid UTF-8 (byte 0xC0 at offset");
        assertThat(api.get("/api/v1/customers/export").body().lines()).hasSize(1);
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        out.writeBytes(before.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    @Test
    void a_birth_date_stored_before_the_range_was_enforced_reads_as_unknown() {
        Api api = newStore("legacy");
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C1\",\"birth_date\":\"1990-05-17\",\"created_at\":\"2024-01-01\"}");
        long store = stores.findBySlug(
                        json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow()
                .id()
                .value();
        jdbc.update(
                "UPDATE customers SET birth_date = DATE '1850-01-01' WHERE store_id = ? AND external_id = 'C1'", store);
        Api.Response card = api.get("/api/v1/customers/C1");
        assertThat(card.status()).isEqualTo(200);
        assertThat(json(card).get("attributes").get("birth_date").isNull()).isTrue();
        assertThat(api.get("/api/v1/customers?sort=age").status()).isEqualTo(200);
    }

    @Test
    void customers_stored_before_the_rules_still_read_as_far_as_they_can() {
        Api api = newStore("stored");
        api.postJson(
                "/api/v1/customers", "{\"customer_id\":\"C1\",\"first_name\":\"Sara\",\"created_at\":\"2024-01-01\"}");
        api.post("/api/v1/groups", "application/json", "{\"template\":\"vip\"}");
        long store = stores.findBySlug(
                        json(api.get("/api/v1/store")).get("slug").asString())
                .orElseThrow()
                .id()
                .value();
        jdbc.update(
                "UPDATE customers SET created_at = ?, first_name = ?, tags = ? WHERE store_id = ? AND external_id = 'C1'",
                java.sql.Timestamp.from(java.time.Instant.parse("9999-12-31T00:00:00Z")),
                "Sa\u0001ra",
                "ok;bad\u0002tag",
                store);
        Api.Response card = api.get("/api/v1/customers/C1");
        assertThat(card.status()).as(card.body()).isEqualTo(200);
        assertThat(json(card).get("attributes").get("first_name").asString()).isEqualTo("Sara");
        assertThat(json(card).get("attributes").get("created_at").asString()).startsWith("2199-12-31");
        assertThat(api.get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/groups/vip/members").status()).isEqualTo(200);
    }

    /** The reads that extreme values used to break: the list, the card, the export, the analyses and the refresh. */
    private static void everyReadAnswers(Api api, String customer, int orders) {
        assertThat(api.get("/api/v1/customers").status()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/customers/" + customer))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isEqualTo(orders);
        assertThat(api.get("/api/v1/customers/export").body()).contains(customer);
        for (String analysis : List.of("overview", "pareto", "cohorts", "rfm", "types", "discounts", "clv")) {
            assertThat(api.get("/api/v1/analytics/" + analysis).status())
                    .as(analysis)
                    .isEqualTo(200);
        }
        assertThat(api.post("/api/v1/analytics/refresh", "application/json", "").status())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/customers?sort=total_spent").status()).isEqualTo(200);
    }
}
