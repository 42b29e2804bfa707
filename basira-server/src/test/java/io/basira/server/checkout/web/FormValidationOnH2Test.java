package io.basira.server.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.dashboard.DashboardClient;
import io.basira.server.dashboard.DashboardFixture;
import io.basira.server.importing.ImportFolder;
import io.basira.server.platform.security.AddDashboardUser;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.TestDatabases;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's checkout forms build the API's typed requests and hand them to the same service: their
 * constraints refuse with the same reasons, in the dashboard's language (Arabic first, English by choice), and
 * what a form saves is what the API reads back.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.clock.fixed=2024-06-01T09:00:00Z", "basira.demo.enabled=false"})
class FormValidationOnH2Test {

    @LocalServerPort
    int port;

    @Autowired
    ImportFolder importer;

    @Autowired
    JdbcStores stores;

    @Autowired
    AddDashboardUser addUser;

    @Autowired
    JdbcApiKeys keys;

    DashboardClient browser;
    Api api;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @BeforeEach
    void store() {
        DashboardFixture fixture = DashboardFixture.create(
                importer, stores, addUser, DashboardFixture.resource("csvimport/complete"), "متجر");
        api = new Api(port, keys.create(fixture.store().id(), "test").secret().value());
        browser = new DashboardClient(port);
        browser.signIn(fixture.ownerEmail(), fixture.ownerPassword());
    }

    @Test
    void a_policy_form_without_a_name_is_refused_in_arabic() {
        String csrf = browser.csrfTokenOf("/policies/new");
        HttpResponse<String> refused =
                browser.postForm("/policies", Map.of("_csrf", csrf, "name", " ", "kind", "free_shipping"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("الاسم: مطلوب");
        assertThat(JsonMapper.builder()
                        .build()
                        .readTree(api.get("/api/v1/checkout/policies").body()))
                .isEmpty();
    }

    @Test
    void a_coupon_form_in_english_gets_the_apis_english_reason() {
        String csrf = browser.csrfTokenOf("/policies/coupons/new?lang=en");
        HttpResponse<String> refused = browser.postForm(
                "/policies/coupons", Map.of("_csrf", csrf, "code", "A\u0001B", "benefit", "free_shipping"));
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("Code: contains the control character U+0001 at character 2");
    }

    @Test
    void the_simulator_names_a_line_without_a_product() {
        HttpResponse<String> page = browser.get("/policies/simulator?run=1&product_id=&quantity=2&unit_price=10"
                + "&coupon_code=" + URLEncoder.encode("X", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("المنتج (السطر \u20681\u2069): مطلوب");
    }

    @Test
    void a_policy_saved_by_the_form_is_the_one_the_api_reads() {
        String csrf = browser.csrfTokenOf("/policies/new?lang=en");
        HttpResponse<String> saved = browser.postForm(
                "/policies",
                Map.of(
                        "_csrf",
                        csrf,
                        "name",
                        "Ten off",
                        "kind",
                        "percent_off",
                        "percent",
                        "10",
                        "minimum_total",
                        "300",
                        "amount",
                        "99",
                        "valid_from",
                        "2024-06-01T09:00"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode policy = JsonMapper.builder()
                .build()
                .readTree(api.get("/api/v1/checkout/policies").body())
                .get(0);
        assertThat(policy.get("name").asString()).isEqualTo("Ten off");
        assertThat(policy.get("kind").asString()).isEqualTo("percent_off");
        assertThat(policy.get("percent").asString()).isEqualTo("10");
        assertThat(policy.get("minimum_total").asString()).isEqualTo("300.00");
        assertThat(policy.has("amount")).isFalse();
        assertThat(policy.get("valid_from").asString()).isEqualTo("2024-06-01T06:00:00Z");
    }

    @Test
    void a_coupon_typed_with_arabic_indic_digits_is_saved_with_their_values() {
        String csrf = browser.csrfTokenOf("/policies/coupons/new");
        HttpResponse<String> saved = browser.postForm(
                "/policies/coupons",
                Map.of(
                        "_csrf",
                        csrf,
                        "code",
                        "RAMADAN",
                        "benefit",
                        "percent_off",
                        "percent",
                        "١٥",
                        "minimum_total",
                        "١٬٥٠٠٫٥٠",
                        "usage_limit",
                        "۱۰۰"));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        JsonNode coupon = JsonMapper.builder()
                .build()
                .readTree(api.get("/api/v1/checkout/coupons").body())
                .get(0);
        assertThat(coupon.get("percent").asString()).isEqualTo("15");
        assertThat(coupon.get("minimum_total").asString()).isEqualTo("1500.50");
        assertThat(coupon.get("usage_limit").asInt()).isEqualTo(100);
    }

    @Test
    void the_simulator_reads_arabic_indic_quantities_and_prices() {
        HttpResponse<String> page = browser.get("/policies/simulator?run=1&product_id=P-1&quantity="
                + URLEncoder.encode("٢", StandardCharsets.UTF_8) + "&unit_price="
                + URLEncoder.encode("١٠٫٥٠", StandardCharsets.UTF_8));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("is not a decimal number");
    }

    @Test
    void a_typed_value_that_is_not_a_number_is_refused_in_arabic_with_the_fields_label() {
        HttpResponse<String> page = browser.get("/policies/simulator?run=1&product_id=P-1&quantity=2&unit_price=abc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("سعر القطعة (السطر \u20681\u2069): \u2068abc\u2069 ليس رقمًا");
    }
}
