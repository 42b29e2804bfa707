package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.Api;
import io.basira.server.support.TestDatabases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI description at /api/openapi.json describes every operation under /api/v1 with named schemas: a
 * body, when the operation takes one, and every 2xx answer that has content. A JSON schema is named when it is a
 * {@code $ref} to a component (or an array of them); a text body (CSV, NDJSON) is a string; an upload names its
 * file parts. Derived from the description itself, so an endpoint added without schemas fails here.
 */
class OpenApiCompletenessOnH2Test extends ApiTestBase {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Test
    void every_operation_names_its_body_and_answer_schemas() {
        Api.Response response = new Api(port, null).get("/api/openapi.json");
        assertThat(response.status()).isEqualTo(200);
        JsonNode doc = json(response);
        List<String> missing = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
            if (!path.getKey().startsWith("/api/v1/")) {
                continue;
            }
            for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
                if (!METHODS.contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey();
                JsonNode body = operation.getValue().get("requestBody");
                if (body != null && !named(doc, body.get("content"))) {
                    missing.add(name + ": request body");
                }
                boolean answered = false;
                for (Map.Entry<String, JsonNode> answer :
                        operation.getValue().get("responses").properties()) {
                    if (!answer.getKey().startsWith("2")) {
                        continue;
                    }
                    answered = true;
                    JsonNode content = answer.getValue().get("content");
                    if (!answer.getKey().equals("204") && !named(doc, content)) {
                        missing.add(name + ": " + answer.getKey() + " response");
                    }
                }
                if (!answered) {
                    missing.add(name + ": no 2xx response");
                }
            }
        }
        assertThat(operations).as("operations under /api/v1").isGreaterThan(30);
        assertThat(missing).as("operations without named schemas").isEmpty();
        JsonNode policy =
                doc.get("components").get("schemas").get("PolicyRequest").get("properties");
        assertThat(policy.get("name").get("maxLength").asInt())
                .as("the schema's column length")
                .isEqualTo(200);
        assertThat(policy.has("minimum_total"))
                .as("fields named as the JSON names them")
                .isTrue();
    }

    @Test
    void answers_written_as_maps_have_only_the_fields_their_schemas_name() {
        JsonNode schemas = json(new Api(port, null).get("/api/openapi.json"))
                .get("components")
                .get("schemas");
        Api api = newStore("schemas");
        assertFields(schemas, "Store", json(api.get("/api/v1/store")));
        assertFields(
                schemas,
                "SavedPolicy",
                json(api.postJson(
                        "/api/v1/checkout/policies",
                        "{\"name\":\"Free\",\"kind\":\"free_shipping\",\"minimum_total\":\"300\"}")));
        assertFields(
                schemas,
                "Coupon",
                json(api.postJson(
                        "/api/v1/checkout/coupons",
                        "{\"code\":\"HV100\",\"benefit\":\"percent_off\",\"percent\":10}")));
        assertFields(
                schemas,
                "Group",
                json(api.postJson("/api/v1/groups", "{\"key\":\"vip\",\"rule\":\"total_spent > 1\"}")));
        assertFields(
                schemas, "RulePreview", json(api.postJson("/api/v1/groups/preview", "{\"rule\":\"total_spent > 1\"}")));
        JsonNode decision = json(api.postJson(
                "/api/v1/checkout/decisions",
                "{\"coupon_code\":\"HV100\","
                        + "\"items\":[{\"product_id\":\"P1\",\"quantity\":1,\"unit_price\":\"10\"}]}"));
        assertFields(schemas, "Decision", decision);
        assertFields(schemas, "Totals", decision.get("totals"));
        assertFields(schemas, "CouponVerdict", decision.get("coupon"));
        assertFields(schemas, "CustomerPage", json(api.get("/api/v1/customers")));
        assertFields(schemas, "IncompleteEvents", json(api.get("/api/v1/events/incomplete")));
    }

    private static void assertFields(JsonNode schemas, String schema, JsonNode answer) {
        assertThat(answer.propertyNames())
                .as(schema + ": " + answer)
                .isNotEmpty()
                .isSubsetOf(schemas.get(schema).get("properties").propertyNames());
    }

    /** Whether every media type of {@code content} names its schema. */
    private static boolean named(JsonNode doc, JsonNode content) {
        if (content == null || content.isEmpty()) {
            return false;
        }
        for (Map.Entry<String, JsonNode> media : content.properties()) {
            JsonNode schema = media.getValue().get("schema");
            boolean json = media.getKey().contains("json") && !media.getKey().contains("ndjson");
            if (schema == null || !(json ? reference(doc, schema) : text(schema, media.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** A {@code $ref} to a component that exists, or an array of them. */
    private static boolean reference(JsonNode doc, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().replace("#/components/schemas/", "");
            return doc.get("components").get("schemas").has(name);
        }
        return "array".equals(schema.path("type").asString(""))
                && schema.has("items")
                && reference(doc, schema.get("items"));
    }

    /** A text body (a string) or an upload whose parts are files. */
    private static boolean text(JsonNode schema, String media) {
        if (media.startsWith("multipart/")) {
            return "object".equals(schema.path("type").asString("")) && schema.has("properties");
        }
        return "string".equals(schema.path("type").asString(""));
    }
}
