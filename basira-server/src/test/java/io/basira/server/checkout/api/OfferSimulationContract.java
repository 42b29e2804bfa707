package io.basira.server.checkout.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The offer simulator through the API with the real groups and order columns (today is 2024-06-01 in Riyadh, the
 * window 2024-03-03 to 2024-05-31): reach and the loud warnings, the cost in exact money, agreement with the
 * checkout decision once the simulated policy is saved, refusals as problems, and one store never counting
 * another's customers or orders.
 */
abstract class OfferSimulationContract extends ApiTestBase {

    private static final String LOW_BASKET_30 =
            "{\"name\":\"30% small baskets\",\"kind\":\"percent_off\",\"percent\":30,"
                    + "\"groups\":{\"any_of\":[\"low-basket\"]}}";

    /** NEW never ordered; SMALL 50.00 in May; BIG 700.00 in April and 1000.00 in May (a VIP); OLD 150.00 in January. */
    private Api store(String name) {
        Api api = newStore(name);
        for (String id : new String[] {"NEW", "SMALL", "BIG", "OLD"}) {
            assertThat(api.postJson("/api/v1/customers", customer(id, id)).status())
                    .isLessThan(300);
        }
        api.postJson("/api/v1/orders", order("S1", "SMALL", "completed", "50.00", "2024-05-10"));
        api.postJson("/api/v1/orders", order("B1", "BIG", "completed", "700.00", "2024-04-01"));
        api.postJson("/api/v1/orders", order("B2", "BIG", "completed", "1000.00", "2024-05-01"));
        api.postJson("/api/v1/orders", order("O1", "OLD", "completed", "150.00", "2024-01-01"));
        assertThat(api.postJson("/api/v1/groups", "{\"template\":\"low-basket\"}")
                        .status())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/groups", "{\"template\":\"vip\"}").status())
                .isEqualTo(201);
        return api;
    }

    private static JsonNode simulate(Api api, String body) {
        Api.Response response = api.postJson("/api/v1/checkout/simulate", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return json(response);
    }

    private static String codes(JsonNode simulation) {
        StringBuilder codes = new StringBuilder();
        simulation
                .get("warnings")
                .forEach(w -> codes.append(w.get("code").asString()).append(' '));
        return codes.toString().strip();
    }

    @Test
    void the_low_basket_offer_reaches_customers_without_orders_and_anonymous_visitors_and_says_so_loudly() {
        Api api = store("sim-low");
        JsonNode simulation = simulate(api, "{\"policy\":" + LOW_BASKET_30 + "}");

        JsonNode reach = simulation.get("reach");
        assertThat(reach.get("customers").asInt()).isEqualTo(4);
        assertThat(reach.get("members").asInt()).isEqualTo(3); // NEW, SMALL, OLD
        assertThat(reach.get("share").asString()).isEqualTo("75.0");
        assertThat(reach.get("customers_without_orders").asInt()).isEqualTo(1);
        assertThat(reach.get("members_without_orders").asInt()).isEqualTo(1);
        assertThat(reach.get("anonymous_visitors_qualify").asBoolean()).isTrue();
        assertThat(codes(simulation)).isEqualTo("anonymous_visitors_qualify customers_without_orders_qualify");
        assertThat(simulation.get("warnings").get(0).get("message").asString()).startsWith("EVERY ANONYMOUS VISITOR");

        JsonNode cost = simulation.get("cost");
        assertThat(cost.get("from").asString()).isEqualTo("2024-03-03");
        assertThat(cost.get("until").asString()).isEqualTo("2024-06-01");
        assertThat(cost.get("orders_in_window").asInt()).isEqualTo(3);
        assertThat(cost.get("qualifying_orders").asInt()).isEqualTo(1); // SMALL's; OLD's is before the window
        assertThat(cost.get("qualifying_total").asString()).isEqualTo("50.00");
        assertThat(cost.get("discount").asString()).isEqualTo("15.00");
        assertThat(cost.get("membership_as_of").asString()).isEqualTo("now");
        assertThat(simulation.get("assumptions")).hasSize(5);
    }

    @Test
    void once_saved_the_checkout_decision_gives_the_offer_to_exactly_whom_the_simulation_said() {
        Api api = store("sim-agree");
        JsonNode simulation = simulate(api, "{\"policy\":" + LOW_BASKET_30 + "}");
        assertThat(api.postJson("/api/v1/checkout/policies", LOW_BASKET_30).status())
                .isEqualTo(201);

        Map<String, Boolean> expected = Map.of("NEW", true, "SMALL", true, "OLD", true, "BIG", false, "STRANGER", true);
        int members = 0;
        for (Map.Entry<String, Boolean> customer : expected.entrySet()) {
            JsonNode decision = decide(api, ",\"customer_id\":\"" + customer.getKey() + "\"", "100.00");
            boolean offered = !decision.get("offers").isEmpty();
            assertThat(offered).as(customer.getKey()).isEqualTo(customer.getValue());
            members += offered && !customer.getKey().equals("STRANGER") ? 1 : 0;
        }
        assertThat(members).isEqualTo(simulation.get("reach").get("members").asInt());
        assertThat(!decide(api, "", "100.00").get("offers").isEmpty())
                .isEqualTo(simulation
                        .get("reach")
                        .get("anonymous_visitors_qualify")
                        .asBoolean());
        // the one qualifying order (SMALL's 50.00) as a cart: the decision takes off what the simulation priced
        assertThat(decide(api, ",\"customer_id\":\"SMALL\"", "50.00")
                        .get("totals")
                        .get("offers_discount")
                        .asString())
                .isEqualTo(simulation.get("cost").get("discount").asString());
    }

    private static JsonNode decide(Api api, String customer, String price) {
        return json(api.postJson(
                "/api/v1/checkout/decisions",
                "{\"items\":[{\"product_id\":\"P1\",\"quantity\":1," + "\"unit_price\":\"" + price + "\"}]" + customer
                        + "}"));
    }

    @Test
    void a_coupon_is_simulated_with_its_minimum_and_limits_and_an_offer_by_rule_with_free_shipping_has_no_price() {
        Api api = store("sim-coupon");
        JsonNode coupon = simulate(
                api,
                "{\"coupon\":{\"benefit\":\"amount_off\",\"amount\":\"100.00\","
                        + "\"minimum_total\":\"500.00\",\"per_customer_limit\":1,\"groups\":{\"any_of\":[\"vip\"]}}}");
        assertThat(coupon.get("reach").get("members").asInt()).isEqualTo(1);
        assertThat(coupon.get("reach").get("anonymous_visitors_qualify").asBoolean())
                .isFalse();
        assertThat(coupon.get("cost").get("qualifying_orders").asInt()).isEqualTo(1);
        assertThat(coupon.get("cost").get("over_customer_limit").asInt()).isEqualTo(1);
        assertThat(coupon.get("cost").get("discount").asString()).isEqualTo("100.00");
        assertThat(codes(coupon)).isEmpty();

        JsonNode shipping =
                simulate(api, "{\"offer\":{\"rule\":\"total_spent > 1000\",\"discount\":\"free_shipping\"}}");
        assertThat(shipping.get("reach").get("members").asInt()).isEqualTo(1);
        assertThat(shipping.get("cost").get("qualifying_orders").asInt()).isEqualTo(2);
        assertThat(shipping.get("cost").get("discount").isNull()).isTrue();
        assertThat(shipping.get("cost").get("cost_unknown_because").asString()).isEqualTo("shipping_not_recorded");
        assertThat(codes(shipping)).isEqualTo("cost_unknown");

        JsonNode byRule = simulate(
                api,
                "{\"offer\":{\"rule_json\":{\"field\":\"order_count\",\"op\":\"=\",\"value\":0},"
                        + "\"discount\":\"percent_off\",\"percent\":\"10\",\"valid_from\":\"2024-06-01T00:00:00+03:00\","
                        + "\"valid_until\":\"2024-07-01T00:00:00+03:00\"}}");
        assertThat(byRule.get("reach").get("members").asInt()).isEqualTo(1);
        assertThat(byRule.get("reach").get("anonymous_visitors_qualify").asBoolean())
                .isTrue();
        assertThat(byRule.get("cost").get("validity_days").asLong()).isEqualTo(30);
    }

    @Test
    void what_cannot_be_simulated_is_refused_as_a_problem_naming_why() {
        Api api = store("sim-refused");
        assertThat(problem(api.postJson("/api/v1/checkout/simulate", "{}")))
                .isEqualTo("give exactly one of 'policy', 'coupon' or 'offer' (0 given)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/simulate",
                        "{\"policy\":" + LOW_BASKET_30 + ",\"offer\":{\"discount\":\"none\"}}")))
                .contains("(2 given)");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/simulate", "{\"policy\":{\"kind\":\"percent_off\",\"percent\":150}}")))
                .contains("150");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/simulate", "{\"offer\":{\"rule\":\"total_spent >\",\"discount\":\"none\"}}")))
                .startsWith("offer.rule: line 1");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/simulate",
                        "{\"offer\":{\"rule\":\"group = 'gone'\",\"discount\":\"none\"}}")))
                .contains("gone");
        assertThat(problem(api.postJson("/api/v1/checkout/simulate", "{\"offer\":{\"discount\":\"half\"}}")))
                .contains("'half'");
        assertThat(problem(api.postJson(
                        "/api/v1/checkout/simulate",
                        "{\"coupon\":{\"benefit\":\"percent_off\",\"percent\":\"10\",\"minimum_total\":\"1.005\"}}")))
                .contains("minimum_total");
    }

    private static String problem(Api.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        assertThat(response.contentType()).contains("application/problem+json");
        JsonNode problems = json(response).get("problems");
        return problems != null && !problems.isEmpty()
                ? problems.get(0).asString()
                : json(response).get("detail").asString();
    }

    @Test
    void a_stores_simulation_never_counts_another_stores_customers_or_orders() {
        Api one = store("sim-one");
        Api two = newStore("sim-two");
        for (int i = 0; i < 7; i++) {
            two.postJson("/api/v1/customers", customer("T" + i, "T"));
            two.postJson("/api/v1/orders", order("TO" + i, "T" + i, "completed", "80.00", "2024-05-0" + (i + 1)));
        }
        two.postJson("/api/v1/customers", customer("SMALL", "same id, other store"));
        String everyone = "{\"offer\":{\"discount\":\"percent_off\",\"percent\":\"10\"}}";

        JsonNode first = simulate(one, everyone);
        assertThat(first.get("reach").get("customers").asInt()).isEqualTo(4);
        assertThat(first.get("cost").get("orders_in_window").asInt()).isEqualTo(3);
        assertThat(first.get("cost").get("qualifying_total").asString()).isEqualTo("1750.00");
        JsonNode second = simulate(two, everyone);
        assertThat(second.get("reach").get("customers").asInt()).isEqualTo(8);
        assertThat(second.get("cost").get("orders_in_window").asInt()).isEqualTo(7);
        assertThat(second.get("cost").get("qualifying_total").asString()).isEqualTo("560.00");
        // a group key of store one means nothing in store two
        JsonNode foreign = simulate(two, "{\"policy\":" + LOW_BASKET_30 + "}");
        assertThat(foreign.get("reach").get("members").asInt()).isZero();
        assertThat(foreign.get("reach").get("unknown_groups").get(0).asString()).isEqualTo("low-basket");
    }

    @Test
    void the_warnings_are_said_in_arabic_to_an_arabic_reader() throws Exception {
        Api api = store("sim-ar");
        Api.Response keyHolder = api.postJson("/api/v1/checkout/simulate", "{\"policy\":" + LOW_BASKET_30 + "}");
        assertThat(keyHolder.status()).isEqualTo(200);
        String key = api.key();
        HttpResponse<String> arabic = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/checkout/simulate"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .header("Accept-Language", "ar")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"policy\":" + LOW_BASKET_30 + "}", StandardCharsets.UTF_8))
                                .build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(arabic.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(arabic.body())
                        .get("warnings")
                        .get(0)
                        .get("message")
                        .asString())
                .startsWith("كل زائر غير مسجّل يحصل على هذا العرض");
    }
}
