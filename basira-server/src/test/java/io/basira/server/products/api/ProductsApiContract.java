package io.basira.server.products.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Affinity, bought together and next products over HTTP (docs/products.md), on every database (subclasses). */
abstract class ProductsApiContract extends ApiTestBase {

    /**
     * P1 (Drinks) 10.00, P2 (Kitchen) 5.00, P3 (Kitchen) 30.00, P4 (Drinks) 8.00. Counted orders: O1 C1 {P1, P2 x2},
     * O2 C2 {P1, P2}, O3 C3 {P1, P3}, O5 C4 {P4}; O4 C3 {P2, P3} is cancelled. C5 has no order.
     */
    private Api shop(String name) {
        Api api = newStore(name);
        assertThat(api.post(
                                "/api/v1/products/bulk",
                                "application/x-ndjson",
                                product("P1", "Tea", "Drinks")
                                        + product("P2", "Cup", "Kitchen")
                                        + product("P3", "Pot", "Kitchen")
                                        + product("P4", "Juice", "Drinks"))
                        .status())
                .isEqualTo(200);
        StringBuilder customers = new StringBuilder();
        for (String c : List.of("C1", "C2", "C3", "C4", "C5")) {
            customers.append(customer(c, c)).append('\n');
        }
        assertThat(api.post("/api/v1/customers/bulk", "application/x-ndjson", customers.toString())
                        .status())
                .isEqualTo(200);
        String orders = orderWith("O1", "C1", "completed", "2024-04-01", item("P1", 1, "10.00"), item("P2", 2, "5.00"))
                + orderWith("O2", "C2", "completed", "2024-04-02", item("P1", 1, "10.00"), item("P2", 1, "5.00"))
                + orderWith("O3", "C3", "completed", "2024-04-03", item("P1", 1, "10.00"), item("P3", 1, "30.00"))
                + orderWith("O4", "C3", "cancelled", "2024-04-05", item("P2", 1, "5.00"), item("P3", 1, "30.00"))
                + orderWith("O5", "C4", "completed", "2024-04-06", item("P4", 1, "8.00"));
        Api.Response posted = api.post("/api/v1/orders/bulk", "application/x-ndjson", orders);
        assertThat(posted.status()).as(posted.body()).isEqualTo(200);
        return api;
    }

    @Test
    void bought_together_with_support_confidence_and_lift() {
        Api api = shop("basket");
        JsonNode all = json(api.get("/api/v1/analytics/basket?min_count=1"));
        assertThat(all.get("analysis").asString()).isEqualTo("basket");
        assertThat(all.get("orders").asInt()).isEqualTo(4);
        assertThat(all.get("product_pairs")).hasSize(2);
        JsonNode top = all.get("product_pairs").get(0);
        assertThat(top.get("product_a").asString()).isEqualTo("P1");
        assertThat(top.get("product_b").asString()).isEqualTo("P2");
        assertThat(top.get("orders").asInt()).isEqualTo(2);
        assertThat(top.get("support").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(top.get("confidence_a_b").decimalValue()).isEqualByComparingTo("0.6667");
        assertThat(top.get("confidence_b_a").decimalValue()).isEqualByComparingTo("1");
        assertThat(top.get("lift").decimalValue()).isEqualByComparingTo("1.3333");
        JsonNode categories = all.get("category_pairs").get(0);
        assertThat(categories.get("orders").asInt()).isEqualTo(3);
        assertThat(categories.get("lift").decimalValue()).isEqualByComparingTo("1");
        // the default minimum count is 2
        assertThat(json(api.get("/api/v1/analytics/basket")).get("product_pairs"))
                .hasSize(1);
        assertThat(json(api.get("/api/v1/analytics/basket?min_count=1&min_confidence=0.9"))
                        .get("product_pairs"))
                .hasSize(2);
        assertThat(json(api.get("/api/v1/analytics/basket?min_count=1&min_support=0.3"))
                        .get("product_pairs"))
                .hasSize(1);
        Api.Response bad = api.get("/api/v1/analytics/basket?min_confidence=2");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("min_confidence");

        JsonNode also = json(api.get("/api/v1/analytics/basket/products/P1"));
        assertThat(also.get("orders").asInt()).isEqualTo(3);
        assertThat(ids(also.get("also_bought"), "product_id")).containsExactly("P2", "P3");
        assertThat(also.get("also_bought").get(0).get("name").asString()).isEqualTo("Cup");
        assertThat(api.get("/api/v1/analytics/basket/products/NOPE").status()).isEqualTo(404);
    }

    @Test
    void next_products_leave_out_what_she_bought_and_name_the_next_category() {
        Api api = shop("next");
        JsonNode c2 = json(api.get("/api/v1/customers/C2/next-products"));
        assertThat(c2.get("analysis").asString()).isEqualTo("next-products");
        assertThat(ids(c2.get("products"), "product_id")).containsExactly("P3", "P4");
        assertThat(c2.get("products").get(0).get("source").asString()).isEqualTo("model");
        assertThat(c2.get("next_category").asString()).isEqualTo("Kitchen");
        // no order: the most bought products, no category
        JsonNode c5 = json(api.get("/api/v1/customers/C5/next-products?limit=2"));
        assertThat(ids(c5.get("products"), "product_id")).containsExactly("P1", "P2");
        assertThat(c5.get("next_category").isNull()).isTrue();
        assertThat(api.get("/api/v1/customers/NOPE/next-products").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/customers/C2/next-products?limit=0").status())
                .isEqualTo(400);
    }

    /**
     * The rule field {@code next_category} is the next-products answer's category as of the last analytics refresh:
     * empty for everyone before it, then a saved group and a preview select exactly the customers whose API category
     * is named, a customer without orders has none, and it moves only with the next refresh.
     */
    @Test
    void next_category_is_a_rule_field_that_follows_the_analytics_refresh() {
        Api api = shop("next-rule");
        assertThat(api.postJson("/api/v1/analytics/refresh", "").status()).isEqualTo(200);
        assertThat(json(api.get("/api/v1/customers/C2"))
                        .get("analytics")
                        .get("next_category")
                        .isNull())
                .as("not scored while no saved group uses the field")
                .isTrue();
        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"kitchen-next\",\"name\":\"Kitchen next\","
                                        + "\"rule\":\"next_category = 'Kitchen'\"}")
                        .status())
                .isEqualTo(201);
        assertThat(members(api, "kitchen-next"))
                .as("not scored before a refresh with the group")
                .isEmpty();
        assertThat(preview(api, "next_category IS NULL")).isEqualTo(5);

        assertThat(api.postJson("/api/v1/analytics/refresh", "").status()).isEqualTo(200);
        List<String> kitchen = new ArrayList<>();
        List<String> none = new ArrayList<>();
        for (String c : List.of("C1", "C2", "C3", "C4", "C5")) {
            JsonNode category = json(api.get("/api/v1/customers/" + c + "/next-products?limit=20"))
                    .get("next_category");
            assertThat(json(api.get("/api/v1/customers/" + c))
                            .get("analytics")
                            .get("next_category")
                            .asString(null))
                    .as("the card's stored category is the API's, whatever the limit asked")
                    .isEqualTo(category.asString(null));
            if (category.isNull()) {
                none.add(c);
            } else if (category.asString().equals("Kitchen")) {
                kitchen.add(c);
            }
        }
        // C1 and C2 own Tea and Cup: the Pot (Kitchen) co-occurs with Tea; C3 owns Tea and Pot: the Cup; C5 never
        // bought
        assertThat(kitchen).contains("C1", "C2", "C3");
        assertThat(none).containsExactly("C5");
        assertThat(members(api, "kitchen-next")).containsExactlyInAnyOrderElementsOf(kitchen);
        assertThat(preview(api, "next_category = 'Kitchen'")).isEqualTo(kitchen.size());
        assertThat(preview(api, "next_category = 'kitchen'"))
                .as("text is exact")
                .isZero();
        assertThat(preview(api, "next_category IN ('Kitchen', 'Drinks')")).isEqualTo(4);
        assertThat(preview(api, "next_category IS NULL")).isEqualTo(1);
        assertThat(json(api.get("/api/v1/customers?sort=next_category&size=10")).get("items"))
                .hasSize(5);

        // C5's first order (Juice) gives her a category at the next refresh, not before
        api.post(
                "/api/v1/orders/bulk",
                "application/x-ndjson",
                orderWith("O6", "C5", "completed", "2024-04-07", item("P4", 1, "8.00")));
        assertThat(preview(api, "next_category IS NULL")).isEqualTo(1);
        api.postJson("/api/v1/analytics/refresh", "");
        assertThat(preview(api, "next_category IS NULL")).isZero();
    }

    private static List<String> members(Api api, String group) {
        return ids(json(api.get("/api/v1/groups/" + group + "/members")).get("items"), "customer_id");
    }

    private static int preview(Api api, String rule) {
        Api.Response answer = api.postJson("/api/v1/groups/preview", "{\"rule\":\"" + rule + "\"}");
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return json(answer).get("count").asInt();
    }

    @Test
    void affinity_of_a_saved_group_against_the_store() {
        Api api = shop("affinity");
        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"big\",\"name\":\"Big spenders\",\"rule\":\"total_spent >= 30\"}")
                        .status())
                .isEqualTo(201);
        JsonNode a = json(api.get("/api/v1/analytics/affinity"));
        assertThat(a.get("categories").toString()).isEqualTo("[\"Drinks\",\"Kitchen\"]");
        JsonNode store = a.get("rows").get(0);
        assertThat(store.get("kind").asString()).isEqualTo("store");
        assertThat(store.get("buyers").asInt()).isEqualTo(4);
        assertThat(store.get("revenue").decimalValue()).isEqualByComparingTo("83.00");
        JsonNode big = null;
        for (JsonNode row : a.get("rows")) {
            if ("big".equals(row.get("key").asString(null))) {
                big = row;
            }
        }
        assertThat(big).isNotNull();
        assertThat(big.get("name").asString()).isEqualTo("Big spenders");
        assertThat(big.get("buyers").asInt()).isEqualTo(1);
        // C3: 10.00 Drinks, 30.00 Kitchen; the store 38.00 and 45.00 of 83.00
        JsonNode kitchen = big.get("cells").get(1);
        assertThat(kitchen.get("category").asString()).isEqualTo("Kitchen");
        assertThat(kitchen.get("revenue_index").decimalValue()).isEqualByComparingTo("1.3833");
        assertThat(kitchen.get("buyer_index").decimalValue()).isEqualByComparingTo("1.3333");
        assertThat(big.get("cells").get(0).get("revenue_index").decimalValue()).isEqualByComparingTo("0.5461");
    }

    @Test
    void one_store_never_sees_another_stores_products_or_customers() {
        Api a = shop("tenant-a");
        Api b = newStore("tenant-b");
        b.post("/api/v1/customers/bulk", "application/x-ndjson", customer("Z1", "Z") + "\n");
        b.post(
                "/api/v1/orders/bulk",
                "application/x-ndjson",
                orderWith("Z-O1", "Z1", "completed", "2024-04-01", item("ZP1", 1, "1.00"), item("ZP2", 1, "1.00")));
        JsonNode pairs = json(b.get("/api/v1/analytics/basket?min_count=1"));
        assertThat(pairs.get("orders").asInt()).isEqualTo(1);
        assertThat(ids(pairs.get("product_pairs"), "product_a")).containsExactly("ZP1");
        assertThat(b.get("/api/v1/analytics/basket/products/P1").status()).isEqualTo(404);
        assertThat(b.get("/api/v1/customers/C2/next-products").status()).isEqualTo(404);
        assertThat(ids(json(a.get("/api/v1/customers/C5/next-products")).get("products"), "product_id"))
                .doesNotContain("ZP1", "ZP2");
        assertThat(json(b.get("/api/v1/analytics/affinity"))
                        .get("rows")
                        .get(0)
                        .get("buyers")
                        .asInt())
                .isEqualTo(1);
    }

    private static List<String> ids(JsonNode list, String field) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.get(field).asString()));
        return out;
    }

    private static String product(String id, String name, String category) {
        return "{\"product_id\":\"" + id + "\",\"name\":\"" + name + "\",\"category\":\"" + category + "\"}\n";
    }

    private static String item(String product, int quantity, String price) {
        return "{\"product_id\":\"" + product + "\",\"quantity\":" + quantity + ",\"unit_price\":\"" + price + "\"}";
    }

    private static String orderWith(String id, String customer, String status, String day, String... items) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (String item : items) {
            JsonNode n = JSON.readTree(item);
            total = total.add(new java.math.BigDecimal(n.get("unit_price").asString())
                    .multiply(java.math.BigDecimal.valueOf(n.get("quantity").asInt())));
        }
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"" + status
                + "\",\"total\":\"" + total.toPlainString() + "\",\"created_at\":\"" + day + "\",\"items\":["
                + String.join(",", items) + "]}\n";
    }
}
