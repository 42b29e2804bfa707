package io.basira.server.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Routes;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The API's doors over real HTTP: every {@code /api/v1} route refuses a request without a valid
 * key however its path is spelt (percent-encoded letters decode to the same route in Spring MVC,
 * so the key check must see the same decoded path), metrics need the metrics token, and errors
 * are problem details that name no Java types and carry no stack trace.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.metrics.token=metrics-secret-for-tests"
        })
class ApiDoorsOnH2Test {

    static final java.nio.file.Path UPLOADS =
            java.nio.file.Path.of(System.getProperty("java.io.tmpdir"), "basira-doors-uploads-" + UUID.randomUUID());

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
        registry.add("basira.upload-dir", UPLOADS::toString);
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Test
    void every_api_route_refuses_a_request_without_a_key_however_its_path_is_encoded() {
        List<String[]> requests = new ArrayList<>();
        Routes.of(mappings, pattern -> pattern.startsWith("/api/v1/"))
                .forEach(route ->
                        spellings(route.path("x1")).forEach(path -> requests.add(new String[] {route.method(), path})));
        assertThat(requests).hasSizeGreaterThan(200);
        for (String[] request : requests) {
            for (String key : new String[] {null, "bsk_not-a-key"}) {
                HttpResponse<String> response = send(request[0], request[1], key, null);
                assertThat(response.statusCode())
                        .as("%s %s with key %s", request[0], request[1], key)
                        .isEqualTo(401);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                assertThat(response.body())
                        .contains("a valid API key is required")
                        .doesNotContain("Exception", "java.");
            }
        }
    }

    @Test
    void an_encoded_path_with_a_valid_key_reaches_the_route_of_that_key() {
        Api api = newStore();
        HttpResponse<String> response = send("GET", "/%61pi/%761/store", api.key, null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("slug").asString()).isEqualTo(api.store.slug());
    }

    @Test
    void prometheus_needs_the_metrics_token_and_never_a_store_key() {
        Api api = newStore();
        assertThat(send("GET", "/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
        assertThat(send("GET", "/actuator/%70rometheus", null, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", api.key, null).statusCode())
                .isEqualTo(401);
        assertThat(send("GET", "/actuator/prometheus", "wrong-token", null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> metrics = send("GET", "/actuator/prometheus", "metrics-secret-for-tests", null);
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_");
        assertThat(send("GET", "/actuator/health", null, null).statusCode()).isEqualTo(200);
    }

    @Test
    void malformed_json_is_a_problem_that_says_where() {
        Api api = newStore();
        HttpResponse<String> response = send("POST", "/api/v1/customers", api.key, "{\"customer_id\": ");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).get("detail").asString()).contains("not valid JSON", "line 1");
        assertThat(response.body()).doesNotContain("java.", "Exception", "tools.jackson");
    }

    @Test
    void request_errors_name_no_java_types() {
        Api api = newStore();
        List<HttpResponse<String>> responses = List.of(
                send("GET", "/api/v1/customers?page=x", api.key, null),
                send("GET", "/api/v1/analytics/overview?as_of=yesterday", api.key, null),
                send("PATCH", "/api/v1/store", api.key, "{}"),
                send("POST", "/api/v1/groups", api.key, "[1, 2]"),
                send("POST", "/api/v1/checkout/decisions", api.key, "\"text\""),
                send("GET", "/api/v1/no-such-route", api.key, null));
        for (HttpResponse<String> response : responses) {
            assertThat(response.statusCode()).as(response.uri().toString()).isBetween(400, 499);
            assertThat(response.headers().firstValue("Content-Type"))
                    .as(response.uri().toString())
                    .hasValue("application/problem+json");
            assertThat(response.body())
                    .as(response.uri().toString())
                    .doesNotContain("java.", "Exception", "tools.jackson", "io.basira");
        }
        assertThat(json(responses.get(0)).get("detail").asString()).contains("page", "'x'");
    }

    @Test
    void the_openapi_description_lists_only_the_api() {
        HttpResponse<String> response = send("GET", "/api/openapi.json", null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> paths = new ArrayList<>();
        json(response).get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).isNotEmpty().allSatisfy(path -> assertThat(path).startsWith("/api/v1/"));
    }

    @Test
    void the_browsable_api_docs_open_without_a_key() throws Exception {
        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> page = following.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/docs"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.uri().toString()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("swagger");
    }

    @Test
    void an_upload_leaves_no_customer_files_behind_applied_or_refused() throws Exception {
        Api api = newStore();
        io.basira.server.support.Api client = new io.basira.server.support.Api(port, api.key);
        assertThat(client.upload(
                                "/api/v1/imports",
                                java.util.Map.of(
                                        "customers.csv", "customer_id,created_at\nC1,2024-01-01\n",
                                        "orders.csv",
                                                "order_id,customer_id,created_at,status,total\nO1,C1,2024-02-01,completed,500\n"))
                        .status())
                .isEqualTo(200);
        assertThat(client.upload(
                                "/api/v1/imports",
                                java.util.Map.of(
                                        "customers.csv", "customer_id,created_at\nC2,2024-01-01\n",
                                        "orders.csv",
                                                "order_id,customer_id,created_at,status,total\nO2,C2,2024-02-01,shipped,500\n"))
                        .status())
                .isEqualTo(422);
        try (var left = java.nio.file.Files.list(UPLOADS)) {
            assertThat(left).isEmpty();
        }
    }

    /** Import row errors have a code and arguments, said in the request's language (issue 14 item 5). */
    @Test
    void import_row_errors_are_said_in_the_requests_language_with_their_codes() throws Exception {
        Api api = newStore();
        io.basira.server.support.Api client = new io.basira.server.support.Api(port, api.key);
        java.util.Map<String, String> files = java.util.Map.of(
                "customers.csv",
                "customer_id,created_at\nC1,2024-01-01\n",
                "orders.csv",
                "order_id,customer_id,created_at,status,total\nO1,C9,2024-02-01,completed,12x\n"
                        + "O2,C1,2200-01-01,shipped,-1\n");
        io.basira.server.support.Api.Response arabic = client.upload("/api/v1/imports", files, "ar");
        assertThat(arabic.status()).isEqualTo(422);
        tools.jackson.databind.JsonNode answer = JSON.readTree(arabic.body());
        assertThat(answer.get("error_details").findValuesAsString("code"))
                .contains("unknown_customer", "not_decimal", "date_out_of_range", "unknown_status", "negative")
                .doesNotContainNull();
        assertThat(answer.get("errors").toString())
                .contains(
                        "orders.csv:3: created_at: «\u20682200-01-01\u2069» خارج التواريخ المقبولة من \u20681900-01-01\u2069 إلى \u20682199-12-31\u2069")
                .contains("orders.csv:3: status: «\u2068shipped\u2069» ليست حالة طلب معروفة")
                .contains("orders.csv:3: total: «\u2068-1\u2069» سالب");
        assertThat(answer.get("errors").toString())
                .contains("orders.csv:2: customer_id: العميل «\u2068C9\u2069» غير موجود في هذا المتجر")
                .contains("orders.csv:2: total: «\u206812x\u2069» ليس رقمًا عشريًا");
        io.basira.server.support.Api.Response english = client.upload("/api/v1/imports", files, "en");
        assertThat(english.body())
                .contains("customer “C9” does not exist in this store")
                .contains("“12x” is not a decimal number (199.50)")
                .contains("“shipped” is not an order status; write one of quotation, pending");
        assertThat(client.upload("/api/v1/imports", files).body()).contains("customer “C9” does not exist");
    }

    /** A column mapping sent as JSON is refused with a code, in the request's language (issue 14 item 5). */
    @Test
    void a_refused_mapping_is_said_in_the_requests_language_with_its_code() throws Exception {
        Api api = newStore();
        io.basira.server.support.Api client = new io.basira.server.support.Api(port, api.key);
        java.util.Map<String, String> files =
                java.util.Map.of("customers.csv", "customer_id,created_at\nC1,2024-01-01\n");
        String path = "/api/v1/imports?mapping="
                + java.net.URLEncoder.encode(
                        "{\"files\": {\"invoices\": {\"source\": \"a.csv\"}}}",
                        java.nio.charset.StandardCharsets.UTF_8);

        io.basira.server.support.Api.Response arabic = client.upload(path, files, "ar");
        assertThat(arabic.status()).isEqualTo(400);
        tools.jackson.databind.JsonNode answer = JSON.readTree(arabic.body());
        assertThat(answer.get("code").asString()).isEqualTo("not_a_kind");
        assertThat(answer.get("arguments").get(0).asString()).isEqualTo("invoices");
        assertThat(answer.get("detail").asString()).startsWith("«\u2068invoices\u2069» ليس نوع ملف معروفًا");
        assertThat(answer.get("problems").get(0).asString())
                .isEqualTo(answer.get("detail").asString());

        io.basira.server.support.Api.Response english = client.upload(path, files, "en");
        assertThat(english.status()).isEqualTo(400);
        assertThat(JSON.readTree(english.body()).get("detail").asString())
                .isEqualTo("'invoices' is not a kind of file "
                        + "(customers, orders, order_items, products, carts, reviews, wishlist)");
        assertThat(JSON.readTree(client.upload("/api/v1/imports?mapping=saved", files, "ar")
                                .body())
                        .get("detail")
                        .asString())
                .isEqualTo("لا توجد مطابقة أعمدة محفوظة لهذا المتجر");
        try (var left = java.nio.file.Files.list(UPLOADS)) {
            assertThat(left).isEmpty();
        }
    }

    /** The path as it is, and with one letter of each segment percent-encoded in turn. */
    static Set<String> spellings(String path) {
        Set<String> spellings = new LinkedHashSet<>();
        spellings.add(path);
        String[] segments = path.substring(1).split("/");
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            int letter = 0;
            while (letter < segment.length() && !Character.isLetter(segment.charAt(letter))) {
                letter++;
            }
            if (letter == segment.length()) {
                continue;
            }
            String[] encoded = segments.clone();
            encoded[i] = segment.substring(0, letter)
                    + String.format("%%%02X", (int) segment.charAt(letter))
                    + segment.substring(letter + 1);
            spellings.add("/" + String.join("/", encoded));
        }
        return spellings;
    }

    private record Api(Store store, String key) {}

    private Api newStore() {
        Store store = stores.create(
                "doors-" + UUID.randomUUID().toString().substring(0, 8),
                "Doors",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return new Api(store, keys.create(store.id(), "test").secret().value());
    }

    private HttpResponse<String> send(String method, String path, String key, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }
}
