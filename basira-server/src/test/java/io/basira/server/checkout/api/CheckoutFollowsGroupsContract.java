package io.basira.server.checkout.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.web.ApiTestBase;
import io.basira.server.support.Api;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Checkout decisions follow the live membership of real groups: no fake membership here. A
 * customer who crosses a group's rule gets its policy on the very next decision.
 */
abstract class CheckoutFollowsGroupsContract extends ApiTestBase {

    private static final String CART = "{\"items\":[{\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"400.00\"}]";

    private static JsonNode decide(Api api, String customerJson) {
        return json(api.postJson("/api/v1/checkout/decisions", CART + customerJson + "}"));
    }

    @Test
    void the_seed_policies_apply_through_live_groups() {
        Api api = newStore("live-checkout");
        api.postJson("/api/v1/customers", customer("C1", "Sara"));
        api.postJson("/api/v1/customers", customer("C3", "Fahad"));
        for (int i = 1; i <= 3; i++) {
            api.postJson("/api/v1/orders", order("X" + i, "C3", "cancelled", "50.00", "2024-05-0" + i));
        }
        api.postJson("/api/v1/groups", "{\"template\":\"vip\"}");
        api.postJson("/api/v1/groups", "{\"template\":\"non-serious\"}");
        api.postJson("/api/v1/groups", "{\"key\":\"new\",\"name\":\"New\",\"rule\":\"order_count = 0\"}");
        api.postJson(
                "/api/v1/checkout/policies",
                "{\"name\":\"VIP ships free\",\"kind\":\"free_shipping\"," + "\"groups\":{\"any_of\":[\"vip\"]}}");
        api.postJson(
                "/api/v1/checkout/policies",
                "{\"name\":\"No COD for non-serious\",\"kind\":"
                        + "\"hide_payment_methods\",\"methods\":[\"cod\",\"bank_transfer\"],\"groups\":{\"any_of\":[\"non-serious\"]}}");

        assertThat(decide(api, ",\"customer_id\":\"C1\"")
                        .get("free_shipping")
                        .get("free")
                        .asBoolean())
                .isFalse();
        api.postJson("/api/v1/orders", order("O1", "C1", "completed", "1720.00", "2024-05-10"));
        JsonNode vip = decide(api, ",\"customer_id\":\"C1\"");
        assertThat(vip.get("free_shipping").get("free").asBoolean()).isTrue();
        assertThat(vip.get("payment_methods").get("offered").toString()).contains("\"cod\"");

        JsonNode nonSerious = decide(api, ",\"customer_id\":\"C3\"");
        assertThat(nonSerious.get("payment_methods").get("offered").toString())
                .doesNotContain("\"cod\"", "\"bank_transfer\"");
        assertThat(nonSerious.get("free_shipping").get("free").asBoolean()).isFalse();
    }

    @Test
    void an_anonymous_visitor_is_in_the_groups_an_empty_card_satisfies() {
        Api api = newStore("anonymous-checkout");
        api.postJson("/api/v1/groups", "{\"key\":\"new\",\"name\":\"New\",\"rule\":\"order_count = 0\"}");
        api.postJson("/api/v1/groups", "{\"template\":\"vip\"}");
        api.postJson(
                "/api/v1/checkout/policies",
                "{\"name\":\"Welcome\",\"kind\":\"percent_off\",\"percent\":10,"
                        + "\"groups\":{\"any_of\":[\"new\"]}}");
        JsonNode decision = decide(api, "");
        assertThat(decision.get("offers").toString()).contains("Welcome");
        assertThat(decision.get("totals").get("total").asString()).isEqualTo("360.00");
    }

    @Test
    void a_group_that_a_policy_or_coupon_aims_at_cannot_be_deleted_so_no_audience_widens_silently() {
        Api api = newStore("group-in-use");
        api.postJson("/api/v1/groups", "{\"template\":\"vip\"}");
        String policy = json(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"VIP ships free\","
                                + "\"kind\":\"free_shipping\",\"groups\":{\"any_of\":[\"vip\"]}}"))
                .get("id")
                .asString();
        api.postJson(
                "/api/v1/checkout/coupons",
                "{\"code\":\"NOTVIP\",\"benefit\":\"percent_off\",\"percent\":5,"
                        + "\"groups\":{\"none_of\":[\"vip\"]}}");

        Api.Response refused = api.delete("/api/v1/groups/vip");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(json(refused).get("detail").asString())
                .isEqualTo("group 'vip' cannot be deleted: policy 'VIP ships "
                        + "free', coupon 'NOTVIP' aim at it; change or delete them first");
        assertThat(api.get("/api/v1/groups/vip").status()).isEqualTo(200);
        // an anonymous visitor still does not get the VIPs' free shipping
        assertThat(decide(api, "").get("free_shipping").get("free").asBoolean()).isFalse();

        assertThat(api.delete("/api/v1/checkout/policies/" + policy).status()).isEqualTo(204);
        assertThat(json(api.delete("/api/v1/groups/vip")).get("detail").asString())
                .isEqualTo("group 'vip' cannot be deleted: coupon 'NOTVIP' aims at it; change or delete it first");
        assertThat(api.delete("/api/v1/checkout/coupons/NOTVIP").status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/groups/vip").status()).isEqualTo(204);
    }
}
