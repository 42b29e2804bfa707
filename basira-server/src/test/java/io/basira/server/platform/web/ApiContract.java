package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import db.migration.V81__Customer_search_text_backfill;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.support.Api;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.util.List;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The behaviour of the REST API, written once and run on every database (H2 and PostgreSQL subclasses).
 */
abstract class ApiContract extends ApiTestBase {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_request_without_a_valid_key_is_refused() {
        Api anonymous = new Api(port, null);
        assertThat(anonymous.get("/api/v1/customers").status()).isEqualTo(401);
        assertThat(anonymous
                        .withKey("bsk_not_a_real_key_at_all")
                        .get("/api/v1/store")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void a_customer_card_follows_its_orders() {
        Api api = newStore("cards");
        assertThat(api.postJson("/api/v1/customers", customer("C1", "سارة")).status())
                .isEqualTo(200);
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "100.00", "2024-05-31T23:30:00+03:00"));
        api.postJson("/api/v1/orders", order("O2", "C1", "quotation", "999.00", "2024-05-01"));
        api.postJson(
                "/api/v1/orders",
                "{\"order_id\":\"O3\",\"customer_id\":\"C1\",\"status\":\"pending\","
                        + "\"total\":50.5,\"created_at\":\"2024-04-01T10:00:00+03:00\",\"coupon_code\":\"RAMADAN20\"}");
        JsonNode card = json(api.get("/api/v1/customers/C1"));
        JsonNode indicators = card.get("indicators");
        assertThat(indicators.get("order_count").asInt()).isEqualTo(2);
        assertThat(indicators.get("total_spent").decimalValue()).isEqualByComparingTo("150.50");
        assertThat(indicators.get("average_order_value").decimalValue()).isEqualByComparingTo("75.25");
        assertThat(indicators.get("last_purchase_at").asString()).isEqualTo("2024-05-31T20:30:00Z");
        assertThat(indicators.get("first_order_at").asString()).isEqualTo("2024-04-01T07:00:00Z");
        assertThat(indicators.get("days_since_last_purchase").asInt()).isEqualTo(1);
        assertThat(indicators.get("discount_share").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(card.get("attributes").get("first_name").asString()).isEqualTo("سارة");
        assertThat(card.get("timeline")).hasSize(3);
    }

    @Test
    void a_completed_order_that_becomes_returned_leaves_the_counts() {
        Api api = newStore("returns");
        api.postJson("/api/v1/customers", customer("C1", "Noura"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "300.00", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O1", "C1", "returned", "300.00", "2024-05-01"));
        JsonNode indicators = json(api.get("/api/v1/customers/C1")).get("indicators");
        assertThat(indicators.get("order_count").asInt()).isZero();
        assertThat(indicators.get("returned_orders").asInt()).isEqualTo(1);
        assertThat(indicators.get("last_purchase_at").isNull()).isTrue();
    }

    @Test
    void sending_the_same_records_twice_changes_nothing() {
        Api api = newStore("twice");
        String bulk = customer("C1", "A") + "\n" + customer("C2", "B") + "\n";
        String orders = order("O1", "C1", "completed", "10.00", "2024-05-01") + "\n"
                + order("O2", "C2", "processing", "20.00", "2024-05-02") + "\n";
        api.post("/api/v1/customers/bulk", "application/x-ndjson", bulk);
        api.post("/api/v1/orders/bulk", "application/x-ndjson", orders);
        String first = api.get("/api/v1/customers/export").body();
        assertThat(first.lines()).hasSize(3);
        api.post("/api/v1/customers/bulk", "application/x-ndjson", bulk);
        api.post("/api/v1/orders/bulk", "application/x-ndjson", orders);
        assertThat(api.get("/api/v1/customers/export").body()).isEqualTo(first);
    }

    @Test
    void an_order_before_its_customer_is_refused_with_a_clear_error() {
        Api api = newStore("early");
        Api.Response response = api.postJson("/api/v1/orders", order("O1", "C9", "completed", "10.00", "2024-05-01"));
        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("problems").get(0).asString())
                .isEqualTo("order 'O1': customer 'C9' does not exist in store '"
                        + json(api.get("/api/v1/store")).get("slug").asString() + "'");
    }

    @Test
    void a_bulk_request_with_one_bad_line_applies_nothing() {
        Api api = newStore("bulk");
        Api.Response response = api.post(
                "/api/v1/customers/bulk",
                "application/x-ndjson",
                customer("C1", "A") + "\n{\"customer_id\":\"C2\",\"created_at\":\"yesterday\"}\n");
        assertThat(response.status()).isEqualTo(422);
        assertThat(json(response).get("problems").get(0).asString()).startsWith("line 2: created_at: ");
        assertThat(api.get("/api/v1/customers/C1").status()).isEqualTo(404);
    }

    @Test
    void customers_are_searchable_and_sortable_by_every_indicator() {
        Api api = newStore("list");
        api.postJson("/api/v1/customers", customer("C1", "محمد"));
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C2\",\"first_name\":\"Layla\",\"email\":\"layla@example.sa\","
                        + "\"phone\":\"+966501234567\",\"created_at\":\"2024-01-02\"}");
        api.postJson("/api/v1/orders", order("O1", "C2", "completed", "500.00", "2024-05-01"));
        assertThat(json(api.get("/api/v1/customers?q=%D9%85%D8%AD%D9%85%D8%AF"))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/api/v1/customers?q=LAYLA@"))
                        .get("items")
                        .get(0)
                        .get("customer_id")
                        .asString())
                .isEqualTo("C2");
        assertThat(json(api.get("/api/v1/customers?q=0123")).get("total").asInt())
                .isEqualTo(1);
        for (String sort : io.basira.server.cards.jdbc.CustomerSort.names(io.basira.fields.BuiltInFields.catalogue())
                .split(", ")) {
            assertThat(api.get("/api/v1/customers?sort=" + sort + "&direction=desc")
                            .status())
                    .as(sort)
                    .isEqualTo(200);
        }
        JsonNode bySpent = json(api.get("/api/v1/customers?sort=total_spent&direction=desc"));
        assertThat(bySpent.get("items").get(0).get("customer_id").asString()).isEqualTo("C2");
        assertThat(api.get("/api/v1/customers?sort=shoe_size").status()).isEqualTo(400);
    }

    @Test
    void a_search_finds_arabic_spelling_variants_and_phones_however_written() {
        Api api = newStore("search-arabic");
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C1\",\"first_name\":\"سارة\",\"last_name\":\"الأحمدي\","
                        + "\"phone\":\"+966529202449\",\"created_at\":\"2024-01-02\"}");
        api.postJson(
                "/api/v1/customers",
                "{\"customer_id\":\"C2\",\"first_name\":\"مُنى\",\"phone\":\"0551234567\","
                        + "\"created_at\":\"2024-01-02\"}");
        api.postJson("/api/v1/customers", customer("C3", "Sara"));
        for (String search : List.of(
                "ساره",
                "سارة",
                "ساره الاحمدي",
                "سـارة",
                "0529202449",
                "00966529202449",
                "+966 52 920 2449",
                "٠٥٢٩٢٠٢٤٤٩",
                "966529202449")) {
            JsonNode found = json(api.get("/api/v1/customers?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
            assertThat(found.get("total").asInt()).as(search).isEqualTo(1);
            assertThat(found.get("items").get(0).get("customer_id").asString())
                    .as(search)
                    .isEqualTo("C1");
        }
        for (String search : List.of("منى", "مني", "+966551234567", "551234567")) {
            JsonNode found = json(api.get("/api/v1/customers?q=" + URLEncoder.encode(search, StandardCharsets.UTF_8)));
            assertThat(found.get("items").get(0).get("customer_id").asString())
                    .as(search)
                    .isEqualTo("C2");
        }
        assertThat(json(api.get("/api/v1/customers?q=SARA")).get("total").asInt())
                .isEqualTo(1);
    }

    @Test
    void customers_stored_before_the_search_text_are_found_once_it_is_filled() throws Exception {
        Api api = newStore("search-backfill");
        api.postJson("/api/v1/customers", customer("C1", "سارة"));
        jdbc.update("UPDATE customers SET search_text = NULL");
        assertThat(json(api.get("/api/v1/customers?q=%D8%B3%D8%A7%D8%B1%D9%87"))
                        .get("total")
                        .asInt())
                .isZero();
        try (Connection connection = jdbc.getDataSource().getConnection()) {
            new V81__Customer_search_text_backfill().migrate(new Context() {
                @Override
                public Configuration getConfiguration() {
                    return null;
                }

                @Override
                public Connection getConnection() {
                    return connection;
                }
            });
        }
        assertThat(json(api.get("/api/v1/customers?q=%D8%B3%D8%A7%D8%B1%D9%87"))
                        .get("total")
                        .asInt())
                .isEqualTo(1);
    }

    @Test
    void the_export_has_the_published_columns_and_formats() {
        Api api = newStore("export");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson("/api/v1/customers", customer("C2", "B"));
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1500", "2024-05-01T15:50:00+03:00"));
        String csv = api.get("/api/v1/customers/export").body();
        assertThat(csv.lines().toList())
                .containsExactly(
                        "customer_id,order_count,total_spent,average_order_value,cancelled_orders,returned_orders,"
                                + "last_purchase_at,first_order_at,abandoned_carts,store_rating,days_since_last_purchase,"
                                + "discount_share,wishlist_count,reviews_count,last_seen_at,sessions_30d,page_views_30d,"
                                + "product_views_30d,visitor_type,viewed_products_7d,viewed_products_30d,viewed_categories_7d,viewed_categories_30d,"
                                + "loyalty_points,loyalty_tier,points_expiring_30d,lifetime_points",
                        "C1,1,1500.00,1500.00,0,0,2024-05-01T12:50:00Z,2024-05-01T12:50:00Z,0,,31,0.0000,0,0,,0,0,0,,,,,,0,,0,0",
                        "C2,0,0.00,0.00,0,0,,,0,,,,0,0,,0,0,0,,,,,,0,,0,0");
    }

    @Test
    void the_export_shows_formulas_in_customer_ids_as_text() {
        Api api = newStore("csv-injection");
        api.postJson("/api/v1/customers", customer("=HYPERLINK(\\\"http://evil.example\\\",\\\"open\\\")", "A"));
        api.postJson("/api/v1/customers", customer("@SUM(A1)", "B"));
        api.postJson("/api/v1/customers", customer("-7", "C"));
        String csv = api.get("/api/v1/customers/export").body();
        assertThat(csv.lines()
                        .skip(1)
                        .map(line -> line.substring(0, line.indexOf(",0,")))
                        .toList())
                .containsExactlyInAnyOrder(
                        "-7", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"open\"\")\"", "'@SUM(A1)");
    }

    @Test
    void carts_reviews_and_wishlist_reach_the_card() {
        Api api = newStore("activity");
        api.postJson("/api/v1/customers", customer("C1", "A"));
        api.postJson(
                "/api/v1/carts",
                "{\"cart_id\":\"K1\",\"customer_id\":\"C1\",\"created_at\":\"2024-05-01\",\"status\":\"abandoned\"}");
        api.postJson(
                "/api/v1/reviews",
                "{\"review_id\":\"R1\",\"customer_id\":\"C1\",\"rating\":4,\"created_at\":\"2024-05-01\"}");
        api.postJson(
                "/api/v1/reviews",
                "{\"review_id\":\"R2\",\"customer_id\":\"C1\",\"product_id\":\"P1\",\"rating\":1,\"created_at\":\"2024-05-02\"}");
        api.postJson("/api/v1/wishlist", "{\"customer_id\":\"C1\",\"product_id\":\"P1\",\"added_at\":\"2024-05-01\"}");
        api.postJson("/api/v1/wishlist", "{\"customer_id\":\"C1\",\"product_id\":\"P1\",\"added_at\":\"2024-05-01\"}");
        JsonNode indicators = json(api.get("/api/v1/customers/C1")).get("indicators");
        assertThat(indicators.get("abandoned_carts").asInt()).isEqualTo(1);
        assertThat(indicators.get("store_rating").asInt()).isEqualTo(4);
        assertThat(indicators.get("reviews_count").asInt()).isEqualTo(2);
        assertThat(indicators.get("wishlist_count").asInt()).isEqualTo(1);
    }

    @Test
    void an_upload_with_a_bad_row_applies_nothing_and_says_where() {
        Api api = newStore("upload");
        var files = new java.util.LinkedHashMap<String, String>();
        files.put("customers.csv", "customer_id,first_name,created_at\r\nC1,\"Al, Harbi\",2024-01-01\r\n");
        files.put(
                "orders.csv",
                "order_id,customer_id,created_at,status,total\nO1,C1,2024-02-01,completed,10\nO2,C1,2024-02-01,shipped,10\n");
        Api.Response refused = api.upload("/api/v1/imports", files);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(json(refused).get("errors").get(0).asString())
                .startsWith("orders.csv:3: status: “shipped” is not an order status; write one of quotation");
        assertThat(api.get("/api/v1/customers/C1").status()).isEqualTo(404);
        Api.Response skipped = api.upload("/api/v1/imports?skip_invalid=true", files);
        assertThat(skipped.status()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("indicators")
                        .get("order_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(json(api.get("/api/v1/customers/C1"))
                        .get("attributes")
                        .get("first_name")
                        .asString())
                .isEqualTo("Al, Harbi");
    }

    @Test
    void an_api_key_can_be_issued_and_revoked() {
        Api api = newStore("keys");
        JsonNode created = json(api.postJson("/api/v1/api-keys", "{\"label\":\"zapier\"}"));
        Api second = api.withKey(created.get("key").asString());
        assertThat(second.get("/api/v1/store").status()).isEqualTo(200);
        assertThat(api.get("/api/v1/api-keys").body())
                .doesNotContain(created.get("key").asString());
        assertThat(api.delete("/api/v1/api-keys/" + created.get("id").asLong()).status())
                .isEqualTo(204);
        assertThat(second.get("/api/v1/store").status()).isEqualTo(401);
    }

    @Test
    void a_key_revoked_elsewhere_is_refused_within_a_second() throws InterruptedException {
        Api api = newStore("revoked-elsewhere");
        JsonNode created = json(api.postJson("/api/v1/api-keys", "{\"label\":\"other instance\"}"));
        Api second = api.withKey(created.get("key").asString());
        assertThat(second.get("/api/v1/store").status()).isEqualTo(200); // remembered now
        // as another instance or the command line would: straight in the database, this server not told
        jdbc.update(
                "UPDATE api_keys SET revoked_at = CURRENT_TIMESTAMP WHERE id = ?",
                created.get("id").asLong());
        long deadline = System.nanoTime() + JdbcApiKeys.REMEMBERED.toNanos() + 500_000_000L;
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            status = second.get("/api/v1/store").status();
        }
        assertThat(status).isEqualTo(401);
        assertThat(api.get("/api/v1/store").status()).isEqualTo(200); // the store's other key still works
    }
}
