package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The typed requests' constraints, endpoint by endpoint: a body that breaks them is refused before anything
 * runs, with every field named (its JSON path) and why, in the request's language (Accept-Language: Arabic or
 * English, English otherwise); 422 for the checkout's records, 400 for groups and keys, as before they were typed.
 * Pure validation: H2 is enough (the contracts run on both databases).
 */
class RequestValidationOnH2Test extends ApiTestBase {

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void a_policy_without_name_and_kind_is_refused_naming_both_in_english_and_in_arabic() {
        String key = newKey();
        Problem english = send(key, "POST", "/api/v1/checkout/policies", "{\"groups\":{}}", null);
        assertThat(english.status()).isEqualTo(422);
        assertThat(english.problems()).containsExactly("kind is required", "name is required");
        assertThat(english.json().get("problem_count").asInt()).isEqualTo(2);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("nothing was applied: 2 problem(s) in the request");
        Problem arabic = send(key, "POST", "/api/v1/checkout/policies", "{}", "ar-SA,ar;q=0.9,en;q=0.5");
        assertThat(arabic.status()).isEqualTo(422);
        assertThat(arabic.problems()).containsExactly("kind مطلوب", "name مطلوب");
        assertThat(send(key, "PUT", "/api/v1/checkout/policies/1", "{\"kind\":\"free_shipping\"}", "ar")
                        .problems())
                .containsExactly("name مطلوب");
        assertThat(send(key, "GET", "/api/v1/checkout/policies", null, null).json())
                .isEmpty();
    }

    @Test
    void a_language_other_than_arabic_gets_english() {
        String key = newKey();
        assertThat(send(key, "POST", "/api/v1/checkout/policies", "{\"kind\":\"free_shipping\"}", "fr-FR")
                        .problems())
                .containsExactly("name is required");
    }

    @Test
    void a_coupon_code_with_a_control_character_is_refused_in_the_readers_language() {
        String key = newKey();
        String body = "{\"code\":\"A\\u0001B\",\"benefit\":\"free_shipping\"}";
        assertThat(send(key, "POST", "/api/v1/checkout/coupons", body, null).problems())
                .containsExactly("code contains the control character U+0001 at character 2");
        Problem arabic = send(key, "POST", "/api/v1/checkout/coupons", body, "ar");
        assertThat(arabic.status()).isEqualTo(422);
        assertThat(arabic.problems()).containsExactly("code فيه حرف التحكم U+0001 في الموضع 2");
        assertThat(send(key, "PUT", "/api/v1/checkout/coupons/A", "{\"code\":\"" + "c".repeat(65) + "\"}", "ar")
                        .problems())
                .containsExactly("code أطول من 64 حرفًا (فيه 65)");
    }

    @Test
    void a_catalogue_entry_without_a_code_is_refused_with_its_index() {
        String key = newKey();
        Problem refused = send(
                key,
                "PUT",
                "/api/v1/checkout/catalogue",
                "{\"payment_methods\":[{\"code\":\"cod\"},{\"name\":\"Card\"}],\"carriers\":[{\"code\":\" \"}]}",
                null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems())
                .containsExactly("carriers[0].code is required", "payment_methods[1].code is required");
        assertThat(send(key, "PUT", "/api/v1/checkout/catalogue", "{\"carriers\":[{}]}", "ar")
                        .problems())
                .containsExactly("carriers[0].code مطلوب");
    }

    @Test
    void a_decision_request_names_each_broken_line_field() {
        String key = newKey();
        Problem refused = send(
                key,
                "POST",
                "/api/v1/checkout/decisions",
                "{\"customer_id\":\"C\\u0000\",\"items\":[{\"quantity\":1,\"unit_price\":\"10\"},{\"product_id\":\"P2\"}]}",
                null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems())
                .containsExactly(
                        "customer_id contains the control character U+0000 at character 2",
                        "items[0].product_id is required",
                        "items[1].quantity is required",
                        "items[1].unit_price is required");
        assertThat(send(key, "POST", "/api/v1/checkout/decisions", "{\"items\":[{\"product_id\":\"P1\"}]}", "ar")
                        .problems())
                .containsExactly("items[0].quantity مطلوب", "items[0].unit_price مطلوب");
    }

    @Test
    void a_value_of_the_wrong_type_is_refused_naming_its_field() {
        String key = newKey();
        Problem refused = send(
                key,
                "POST",
                "/api/v1/checkout/decisions",
                "{\"items\":[{\"product_id\":\"P1\",\"quantity\":\"two\",\"unit_price\":\"10\"}]}",
                null);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.problems()).containsExactly("items[0].quantity: 'two' is not a decimal number");
        Problem group = send(key, "POST", "/api/v1/groups", "{\"key\":\"vip\",\"name\":{\"a\":1}}", null);
        assertThat(group.status()).isEqualTo(400);
        assertThat(group.problems()).containsExactly("name: expected a string");
    }

    @Test
    void a_group_with_an_over_long_name_is_refused_with_400_in_both_languages() {
        String key = newKey();
        String body = "{\"key\":\"vip\",\"name\":\"" + "n".repeat(201) + "\",\"rule\":\"total_spent > 1\"}";
        Problem english = send(key, "POST", "/api/v1/groups", body, null);
        assertThat(english.status()).isEqualTo(400);
        assertThat(english.json().get("detail").asString())
                .isEqualTo("name is longer than 200 characters (it has 201)");
        Problem arabic = send(key, "POST", "/api/v1/groups", body, "ar");
        assertThat(arabic.status()).isEqualTo(400);
        assertThat(arabic.problems()).containsExactly("name أطول من 200 حرفًا (فيه 201)");
        assertThat(send(key, "PUT", "/api/v1/groups/vip", "{\"rule\":\"city = 'a\\u0000'\"}", "ar")
                        .problems())
                .containsExactly("rule فيه حرف التحكم U+0000 في الموضع 10");
        assertThat(send(key, "POST", "/api/v1/groups/preview", "{\"rule\":\"" + "x".repeat(10_001) + "\"}", null)
                        .problems())
                .containsExactly("rule is longer than 10000 characters (it has 10001)");
        assertThat(send(key, "GET", "/api/v1/groups", null, null).json().get("items"))
                .isEmpty();
    }

    @Test
    void an_api_key_label_longer_than_its_column_is_refused() {
        String key = newKey();
        Problem refused = send(key, "POST", "/api/v1/api-keys", "{\"label\":\"" + "l".repeat(101) + "\"}", "ar");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.problems()).containsExactly("label أطول من 100 حرفًا (فيه 101)");
        assertThat(send(key, "POST", "/api/v1/api-keys", null, null).status()).isEqualTo(201);
        assertThat(send(key, "GET", "/api/v1/api-keys", null, null).json()).hasSize(2);
    }

    @Test
    void every_reason_has_an_english_and_an_arabic_text() throws IOException {
        Properties english = bundle("/ValidationMessages.properties");
        Properties arabic = bundle("/ValidationMessages_ar.properties");
        assertThat(arabic.stringPropertyNames())
                .isEqualTo(english.stringPropertyNames())
                .isNotEmpty();
        assertThat(bundle("/ValidationMessages_en.properties")).isEmpty();
    }

    /** The API key of a new store of its own. */
    private String newKey() {
        Store store = stores.create(
                "validation-" + UUID.randomUUID().toString().substring(0, 8),
                "Validation",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return keys.create(store.id(), "test").secret().value();
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = RequestValidationOnH2Test.class.getResourceAsStream(name)) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    /** A refusal as answered: status, the whole problem, and its problems' lines. */
    record Problem(int status, JsonNode json, List<String> problems) {}

    private Problem send(String key, String method, String path, String body, String language) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        try {
            HttpResponse<String> response =
                    http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            List<String> problems = json == null || json.get("problems") == null
                    ? List.of()
                    : json.get("problems").valueStream().map(JsonNode::asString).toList();
            return new Problem(response.statusCode(), json, problems);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
