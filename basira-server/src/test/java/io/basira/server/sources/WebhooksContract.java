package io.basira.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Incoming webhooks end to end against a running server: sources registered through the API, payloads shaped
 * like each platform's documentation (src/test/resources/webhooks) signed as the platform signs them, sent
 * twice, out of order and with bad signatures; then the stored records, the cards and the inbox compared with
 * what the events say.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
abstract class WebhooksContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");
    static final String SALLA_SECRET = "salla-webhook-secret-123";
    static final String SHOPIFY_SECRET = "shpss_0123456789abcdef";

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    InboxMetrics metrics;

    Api api;
    Store store;
    PlatformSender sender;

    @BeforeEach
    void aStore() {
        store = stores.create(
                "hooks-" + UUID.randomUUID().toString().substring(0, 8),
                "Hooks",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        api = new Api(port, keys.create(store.id(), "test").secret().value());
        sender = new PlatformSender(port);
    }

    /** Registers a source through the API. @return {path, secret} */
    String[] register(Api client, String platform, String secret) {
        String body = secret == null
                ? "{\"platform\":\"" + platform + "\"}"
                : "{\"platform\":\"" + platform + "\",\"secret\":\"" + secret + "\",\"label\":\"main\"}";
        Api.Response response = client.postJson("/api/v1/sources", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode json = JSON.readTree(response.body());
        return new String[] {
            json.get("source").get("webhook_path").asString(),
            json.get("secret").asString()
        };
    }

    PlatformSender.Response send(String[] source, String platform, String fixture, String topic) {
        String body = PlatformSender.fixture(fixture);
        return sender.post(source[0], PlatformSender.signed(platform, source[1], body, topic, NOW), body);
    }

    JsonNode card(String customerId) {
        Api.Response response = api.get("/api/v1/customers/" + customerId);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    Map<String, Object> order(String id) {
        return jdbc.queryForMap(
                "SELECT status, total_minor, discount_minor, coupon_code, customer_external_id, payment_method"
                        + " FROM orders WHERE store_id = ? AND external_id = ?",
                store.id().value(),
                id);
    }

    List<Map<String, Object>> lines(String orderId) {
        return jdbc.queryForList(
                "SELECT product_external_id, quantity, unit_price_minor FROM order_lines WHERE store_id = ?"
                        + " AND order_external_id = ? ORDER BY line_no",
                store.id().value(),
                orderId);
    }

    int inboxRows() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_inbox WHERE store_id = ?",
                Integer.class,
                store.id().value());
    }

    String stateOfLast() {
        return JSON.readTree(api.get("/api/v1/inbox").body())
                .get("events")
                .get(0)
                .get("state")
                .asString();
    }

    @Test
    void a_salla_order_creates_its_customer_lines_and_card() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        PlatformSender.Response response = send(salla, "salla", "salla/order-created.json", null);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(order("1001"))
                .containsEntry("STATUS", "pending")
                .containsEntry("TOTAL_MINOR", 25050L)
                .containsEntry("DISCOUNT_MINOR", 2500L)
                .containsEntry("COUPON_CODE", "RAMADAN")
                .containsEntry("CUSTOMER_EXTERNAL_ID", "501")
                .containsEntry("PAYMENT_METHOD", "mada");
        assertThat(lines("1001"))
                .extracting(line -> line.get("PRODUCT_EXTERNAL_ID") + "x" + line.get("QUANTITY") + "@"
                        + line.get("UNIT_PRICE_MINOR"))
                .containsExactly("7001x2@10000", "7002x1@5000");
        JsonNode card = card("501");
        assertThat(card.get("attributes").get("first_name").asString()).isEqualTo("سارة");
        assertThat(card.get("attributes").get("phone").asString()).isEqualTo("+966555123456");
        assertThat(card.get("attributes").get("country").asString()).isEqualTo("SA");
        assertThat(card.get("attributes").get("birth_date").asString()).isEqualTo("1990-05-17");
        assertThat(card.get("indicators").get("order_count").asLong()).isEqualTo(1);
        assertThat(card.get("indicators").get("total_spent").decimalValue()).isEqualByComparingTo("250.50");
    }

    @Test
    void salla_flat_amounts_are_read_exactly_too() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        assertThat(send(salla, "salla", "salla/order-created-flat.json", null).status())
                .isEqualTo(200);
        assertThat(order("1002")).containsEntry("STATUS", "processing").containsEntry("TOTAL_MINOR", 18025L);
        assertThat(lines("1002"))
                .extracting(line -> line.get("UNIT_PRICE_MINOR"))
                .containsExactly(18025L);
        assertThat(card("502").get("attributes").get("gender").asString()).isEqualTo("male");
    }

    @Test
    void a_redelivery_is_acknowledged_and_applied_once() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        assertThat(send(salla, "salla", "salla/order-created.json", null).body())
                .contains("\"duplicate\":false");
        assertThat(send(salla, "salla", "salla/order-created.json", null).body())
                .contains("\"duplicate\":true");
        String[] shopify = register(api, "shopify", SHOPIFY_SECRET);
        String body = PlatformSender.fixture("shopify/orders-create.json");
        Map<String, String> headers = PlatformSender.signed("shopify", SHOPIFY_SECRET, body, "orders/create", NOW);
        assertThat(sender.post(shopify[0], headers, body).status()).isEqualTo(200);
        String changed = body.replace("\"number\":234", "\"number\":235");
        Map<String, String> sameEvent = PlatformSender.signed("shopify", SHOPIFY_SECRET, changed, "orders/create", NOW);
        sameEvent.put("X-Shopify-Event-Id", headers.get("X-Shopify-Event-Id"));
        assertThat(sender.post(shopify[0], sameEvent, changed).body()).contains("\"duplicate\":true");
        assertThat(inboxRows()).isEqualTo(2);
        assertThat(card("501").get("indicators").get("order_count").asLong()).isEqualTo(1);
    }

    @Test
    void an_older_version_never_overwrites_a_newer_one() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        assertThat(send(salla, "salla", "salla/order-status-completed.json", null)
                        .status())
                .isEqualTo(200);
        assertThat(send(salla, "salla", "salla/order-created.json", null).status())
                .isEqualTo(200);
        assertThat(order("1001")).containsEntry("STATUS", "completed");
        JsonNode last =
                JSON.readTree(api.get("/api/v1/inbox").body()).get("events").get(0);
        assertThat(last.get("state").asString()).isEqualTo("stale");
        assertThat(last.get("outcome").asString()).contains("older than the one applied");
        String[] zid = register(api, "zid", null);
        assertThat(send(zid, "zid", "zid/order-status-delivered.json", null).status())
                .isEqualTo(200);
        assertThat(send(zid, "zid", "zid/order-status-indelivery.json", null).status())
                .isEqualTo(200);
        assertThat(send(zid, "zid", "zid/order-create.json", null).status()).isEqualTo(200);
        assertThat(order("25304285")).containsEntry("STATUS", "completed");
    }

    @Test
    void a_source_removed_by_another_instance_stops_receiving_within_about_a_second() throws Exception {
        String[] salla = register(api, "salla", SALLA_SECRET);
        assertThat(send(salla, "salla", "salla/order-created.json", null).status())
                .isEqualTo(200); // the source is cached now
        String id = salla[0].substring(salla[0].lastIndexOf('/') + 1);
        jdbc.update("DELETE FROM sources WHERE id = ?", id); // as another server instance would, bypassing this one
        Thread.sleep(1_100);
        assertThat(send(salla, "salla", "salla/order-created-flat.json", null).status())
                .isEqualTo(404);
    }

    @Test
    void the_door_answers_other_methods_405_and_a_body_that_is_not_utf8_400_storing_nothing() throws Exception {
        String[] salla = register(api, "salla", SALLA_SECRET);
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://127.0.0.1:" + port + salla[0]);
        java.net.http.HttpResponse<String> get = client.send(
                java.net.http.HttpRequest.newBuilder(uri).GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        byte[] latin1 = "{\"event\":\"order.created\",\"data\":{\"name\":\"caf\u00e9\"}}"
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(
                SALLA_SECRET.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA256"));
        java.net.http.HttpResponse<String> post = client.send(
                java.net.http.HttpRequest.newBuilder(uri)
                        .header("Content-Type", "application/json")
                        .header("X-Salla-Signature", java.util.HexFormat.of().formatHex(mac.doFinal(latin1)))
                        .header("X-Salla-Security-Strategy", "Signature")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(latin1))
                        .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).as(post.body()).isEqualTo(400);
        assertThat(post.body()).contains("not UTF-8");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM webhook_inbox WHERE store_id = ?",
                        Long.class,
                        store.id().value()))
                .isZero();
    }

    @Test
    void bad_and_missing_signatures_get_401_and_store_nothing() {
        double rejectedBefore = metrics.count("basira.webhooks.rejected", Platform.SALLA);
        Map<String, String[]> sources = Map.of(
                "salla",
                register(api, "salla", SALLA_SECRET),
                "shopify",
                register(api, "shopify", SHOPIFY_SECRET),
                "zid",
                register(api, "zid", null),
                "standard",
                register(api, "standard", null));
        Map<String, String> fixtures = Map.of(
                "salla",
                "salla/order-created.json",
                "shopify",
                "shopify/orders-create.json",
                "zid",
                "zid/order-create.json",
                "standard",
                "standard/customer.json");
        sources.forEach((platform, source) -> {
            String body = PlatformSender.fixture(fixtures.get(platform));
            assertThat(sender.post(source[0], Map.of(), body).status())
                    .as(platform + " unsigned")
                    .isEqualTo(401);
            Map<String, String> wrong = PlatformSender.signed(
                    platform,
                    platform.equals("standard")
                            ? "whsec_MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
                            : "not:the-secret",
                    body,
                    "orders/create",
                    NOW);
            PlatformSender.Response refused = sender.post(source[0], wrong, body);
            assertThat(refused.status()).as(platform + " wrongly signed").isEqualTo(401);
            assertThat(refused.body()).contains("nothing was stored");
            if (!platform.equals("zid")) { // Zid's Basic credentials do not cover the body
                Map<String, String> good = PlatformSender.signed(platform, source[1], body, "orders/create", NOW);
                assertThat(sender.post(source[0], good, body.replace("}", " }")).status())
                        .as(platform + " altered body")
                        .isEqualTo(401);
            }
        });
        assertThat(inboxRows()).isZero();
        String body = PlatformSender.fixture("standard/customer.json");
        Map<String, String> old =
                PlatformSender.signed("standard", sources.get("standard")[1], body, null, NOW.minusSeconds(301));
        assertThat(sender.post(sources.get("standard")[0], old, body).status()).isEqualTo(401);
        assertThat(sender.post("/webhooks/salla/src_nosuchsource", Map.of(), "{}")
                        .status())
                .isEqualTo(404);
        assertThat(inboxRows()).isZero();
        assertThat(metrics.count("basira.webhooks.rejected", Platform.SALLA) - rejectedBefore)
                .as("counted")
                .isEqualTo(3);
    }

    @Test
    void salla_token_strategy_is_accepted() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        String body = PlatformSender.fixture("salla/customer-created.json");
        assertThat(sender.post(
                                salla[0],
                                Map.of("X-Salla-Security-Strategy", "Token", "Authorization", "Bearer wrong"),
                                body)
                        .status())
                .isEqualTo(401);
        assertThat(sender.post(
                                salla[0],
                                Map.of("X-Salla-Security-Strategy", "Token", "Authorization", "Bearer " + SALLA_SECRET),
                                body)
                        .status())
                .isEqualTo(200);
        assertThat(card("504").get("attributes").get("last_name").asString()).isEqualTo("Al-Harbi");
    }

    @Test
    void during_a_rotation_old_and_new_secrets_are_both_valid() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        String id = salla[0].substring(salla[0].lastIndexOf('/') + 1);
        Api.Response rotated = api.postJson("/api/v1/sources/" + id + "/rotate", "{\"secret\":\"the-new-secret\"}");
        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        assertThat(JSON.readTree(rotated.body())
                        .get("source")
                        .get("previous_valid_until")
                        .asString())
                .isEqualTo("2024-06-02T09:00:00Z");
        String body = PlatformSender.fixture("salla/customer-created.json");
        assertThat(sender.post(salla[0], PlatformSender.signed("salla", SALLA_SECRET, body, null, NOW), body)
                        .status())
                .isEqualTo(200);
        String other = PlatformSender.fixture("salla/order-created-flat.json");
        assertThat(sender.post(salla[0], PlatformSender.signed("salla", "the-new-secret", other, null, NOW), other)
                        .status())
                .isEqualTo(200);
        api.postJson("/api/v1/sources/" + id + "/rotate", "{\"secret\":\"a-third-secret\"}");
        String third = PlatformSender.fixture("salla/abandoned-cart.json");
        assertThat(sender.post(salla[0], PlatformSender.signed("salla", SALLA_SECRET, third, null, NOW), third)
                        .status())
                .as("two rotations ago")
                .isEqualTo(401);
        assertThat(api.delete("/api/v1/sources/" + id).status()).isEqualTo(204);
        assertThat(sender.post(salla[0], PlatformSender.signed("salla", "a-third-secret", third, null, NOW), third)
                        .status())
                .as("removed")
                .isEqualTo(404);
    }

    @Test
    void secrets_are_stored_sealed_and_listed_never() {
        register(api, "salla", SALLA_SECRET);
        String sealed = jdbc.queryForObject(
                "SELECT secret_sealed FROM sources WHERE store_id = ?",
                String.class,
                store.id().value());
        assertThat(sealed).startsWith("v1:").doesNotContain(SALLA_SECRET);
        assertThat(api.get("/api/v1/sources").body())
                .doesNotContain(SALLA_SECRET)
                .contains("/webhooks/salla/src_");
    }

    @Test
    void an_unknown_event_is_acknowledged_and_recorded() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        assertThat(send(salla, "salla", "salla/app-installed.json", null).status())
                .isEqualTo(200);
        JsonNode last =
                JSON.readTree(api.get("/api/v1/inbox").body()).get("events").get(0);
        assertThat(last.get("state").asString()).isEqualTo("ignored");
        assertThat(last.get("topic").asString()).isEqualTo("app.installed");
    }

    @Test
    void an_unmappable_event_is_parked_with_its_reason_and_replayed_after_a_fix() {
        String[] standard = register(api, "standard", null);
        assertThat(send(standard, "standard", "standard/order.json", null).status())
                .isEqualTo(200);
        JsonNode parked = JSON.readTree(api.get("/api/v1/inbox?state=parked").body())
                .get("events")
                .get(0);
        assertThat(parked.get("outcome").asString()).contains("customer 'SC-1' does not exist");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM orders WHERE store_id = ?",
                        Integer.class,
                        store.id().value()))
                .isZero();
        assertThat(send(standard, "standard", "standard/customer.json", null).status())
                .isEqualTo(200);
        Api.Response replayed = api.postJson("/api/v1/inbox/" + parked.get("id").asLong() + "/replay", "");
        assertThat(replayed.status()).as(replayed.body()).isEqualTo(200);
        assertThat(JSON.readTree(replayed.body()).get("state").asString()).isEqualTo("applied");
        assertThat(order("SO-1")).containsEntry("STATUS", "completed").containsEntry("TOTAL_MINOR", 9990L);
        assertThat(card("SC-1").get("attributes").get("tags").toString()).contains("vip");
        assertThat(api.postJson("/api/v1/inbox/" + parked.get("id").asLong() + "/replay", "")
                        .status())
                .isEqualTo(404);
        String[] salla = register(api, "salla", SALLA_SECRET);
        send(salla, "salla", "salla/order-custom-status.json", null);
        assertThat(JSON.readTree(api.get("/api/v1/inbox?state=parked").body())
                        .get("events")
                        .get(0)
                        .get("outcome")
                        .asString())
                .contains("awaiting_custom_courier");
    }

    @Test
    void zid_orders_and_carts_map_to_canonical_records() {
        String[] zid = register(api, "zid", null);
        assertThat(zid[1]).startsWith("basira:");
        assertThat(send(zid, "zid", "zid/order-create.json", null).status()).isEqualTo(200);
        assertThat(order("25304285"))
                .containsEntry("STATUS", "pending")
                .containsEntry("TOTAL_MINOR", 34050L)
                .containsEntry("CUSTOMER_EXTERNAL_ID", "2083543");
        assertThat(lines("25304285"))
                .extracting(line -> line.get("UNIT_PRICE_MINOR"))
                .containsExactly(17025L);
        assertThat(send(zid, "zid", "zid/order-status-delivered.json", null).status())
                .isEqualTo(200);
        assertThat(order("25304285")).containsEntry("STATUS", "completed");
        assertThat(card("2083543").get("indicators").get("total_spent").decimalValue())
                .isEqualByComparingTo("340.50");
        String body = PlatformSender.fixture("zid/abandoned-cart-created.json");
        assertThat(sender.post(
                                zid[0] + "?event=abandoned_cart.created",
                                PlatformSender.signed("zid", zid[1], body, null, NOW),
                                body)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForMap(
                        "SELECT status, total_minor, customer_external_id FROM carts WHERE store_id = ?",
                        store.id().value()))
                .containsEntry("STATUS", "abandoned")
                .containsEntry("TOTAL_MINOR", 5900L)
                .containsEntry("CUSTOMER_EXTERNAL_ID", "2083544");

        // the shape docs.zid.sa documents (AbandonedCartDetailed): the cart under "abandoned_cart", its link in
        // "url", each product's id in "product_id" and link in "product_url"; a price finer than 6 decimals is dropped
        String documented = PlatformSender.fixture("zid/abandoned-cart-documented.json");
        assertThat(sender.post(
                                zid[0] + "?event=abandoned_cart.created",
                                PlatformSender.signed("zid", zid[1], documented, null, NOW),
                                documented)
                        .status())
                .isEqualTo(200);
        String cart = "18a40fc6-2381-4ab2-9f72-467e6c39a599";
        assertThat(jdbc.queryForMap(
                        "SELECT status, total_minor, customer_external_id, items_count FROM carts "
                                + "WHERE store_id = ? AND external_id = ?",
                        store.id().value(),
                        cart))
                .containsEntry("STATUS", "abandoned")
                .containsEntry("TOTAL_MINOR", 31504L)
                .containsEntry("CUSTOMER_EXTERNAL_ID", "2083545");
        assertThat(jdbc.queryForList(
                        "SELECT product_external_id, name, quantity, unit_price, url FROM cart_lines "
                                + "WHERE store_id = ? AND cart_external_id = ? ORDER BY line_no",
                        store.id().value(),
                        cart))
                .satisfiesExactly(
                        first -> assertThat(first)
                                .containsEntry("PRODUCT_EXTERNAL_ID", "0b00ssx2ee9c3141c4cd0d955dce5deb8c")
                                .containsEntry("NAME", "عسل السمرة")
                                .containsEntry("QUANTITY", 1)
                                .containsEntry(
                                        "URL", "https://store.zidtest.com/products/0b00ssx2ee9c3141c4cd0d955dce5deb8c")
                                .satisfies(row -> assertThat((java.math.BigDecimal) row.get("UNIT_PRICE"))
                                        .isEqualByComparingTo("239.000935")),
                        second -> assertThat(second)
                                .containsEntry("PRODUCT_EXTERNAL_ID", "7f1e")
                                .containsEntry("QUANTITY", 2)
                                .containsEntry("UNIT_PRICE", null));
    }

    @Test
    void shopify_orders_refunds_and_checkouts_map_to_canonical_records() {
        String[] shopify = register(api, "shopify", SHOPIFY_SECRET);
        assertThat(send(shopify, "shopify", "shopify/orders-create.json", "orders/create")
                        .status())
                .isEqualTo(200);
        assertThat(order("820982911946154508"))
                .containsEntry("STATUS", "processing")
                .containsEntry("TOTAL_MINOR", 19900L)
                .containsEntry("DISCOUNT_MINOR", 1000L)
                .containsEntry("COUPON_CODE", "WELCOME10");
        assertThat(card("115310627314723954")
                        .get("indicators")
                        .get("order_count")
                        .asLong())
                .isEqualTo(1);
        assertThat(send(shopify, "shopify", "shopify/orders-updated-refunded.json", "orders/updated")
                        .status())
                .isEqualTo(200);
        assertThat(order("820982911946154508")).containsEntry("STATUS", "returned");
        assertThat(card("115310627314723954")
                        .get("indicators")
                        .get("order_count")
                        .asLong())
                .isZero();
        assertThat(send(shopify, "shopify", "shopify/checkouts-create.json", "checkouts/create")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM carts WHERE store_id = ?",
                        String.class,
                        store.id().value()))
                .isEqualTo("abandoned");
        assertThat(jdbc.queryForMap(
                        "SELECT product_external_id, name, quantity, unit_price, url FROM cart_lines "
                                + "WHERE store_id = ?",
                        store.id().value()))
                .containsEntry("PRODUCT_EXTERNAL_ID", "632910392")
                .containsEntry("NAME", "Oud Royal")
                .containsEntry("QUANTITY", 1)
                .containsEntry("URL", "https://checkout.local/548380009/checkouts/exuw7/recover")
                .hasEntrySatisfying(
                        "UNIT_PRICE",
                        price -> assertThat((java.math.BigDecimal) price).isEqualByComparingTo("75.50"));
        assertThat(send(shopify, "shopify", "shopify/checkouts-update-completed.json", "checkouts/update")
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT status FROM carts WHERE store_id = ?",
                        String.class,
                        store.id().value()))
                .isEqualTo("converted");
        String redact = "{\"shop_id\":954889,\"shop_domain\":\"example.myshopify.com\"}";
        assertThat(sender.post(
                                shopify[0],
                                PlatformSender.signed("shopify", SHOPIFY_SECRET, redact, "shop/redact", NOW),
                                redact)
                        .status())
                .isEqualTo(200);
        assertThat(stateOfLast())
                .as("shop/redact erases the store's customers (docs/privacy.md)")
                .isEqualTo("applied");
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM customers WHERE store_id = ? AND erased_at IS NULL",
                        Integer.class,
                        store.id().value()))
                .isZero();
    }

    @Test
    void salla_carts_reviews_and_customers_map_to_canonical_records() {
        String[] salla = register(api, "salla", SALLA_SECRET);
        send(salla, "salla", "salla/order-created.json", null);
        assertThat(send(salla, "salla", "salla/abandoned-cart.json", null).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForMap(
                        "SELECT status, total_minor, items_count FROM carts WHERE store_id = ? AND external_id = '3001'",
                        store.id().value()))
                .containsEntry("STATUS", "abandoned")
                .containsEntry("TOTAL_MINOR", 9990L);
        assertThat(jdbc.queryForList(
                        "SELECT product_external_id, quantity, url FROM cart_lines WHERE store_id = ? AND "
                                + "cart_external_id = '3001'",
                        store.id().value()))
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .as("the item's product and quantity; its link the cart's checkout_url")
                        .containsEntry("PRODUCT_EXTERNAL_ID", "7001")
                        .containsEntry("QUANTITY", 1)
                        .containsEntry("URL", "https://salla.sa/store/cart/3001"));
        assertThat(card("503").get("attributes").get("first_name").asString()).isEqualTo("نورة");
        assertThat(send(salla, "salla", "salla/review-added.json", null).status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT rating FROM reviews WHERE store_id = ? AND external_id = '4001'",
                        Integer.class,
                        store.id().value()))
                .isEqualTo(5);
        assertThat(card("501").get("attributes").get("last_name").asString())
                .as("the order's customer stays as it was")
                .isEqualTo("القحطاني");
    }

    @Test
    void a_source_writes_only_into_its_own_store() {
        Store other = stores.create(
                "hooks-b-" + UUID.randomUUID().toString().substring(0, 8),
                "B",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        Api otherApi = new Api(port, keys.create(other.id(), "test").secret().value());
        String[] sallaB = register(otherApi, "salla", "b-secret");
        String[] sallaA = register(api, "salla", SALLA_SECRET);
        String body = PlatformSender.fixture("salla/order-created.json");
        String pathOfBWithA = sallaB[0];
        assertThat(sender.post(pathOfBWithA, PlatformSender.signed("salla", SALLA_SECRET, body, null, NOW), body)
                        .status())
                .as("A's secret on B's source")
                .isEqualTo(401);
        assertThat(sender.post(sallaA[0], PlatformSender.signed("salla", SALLA_SECRET, body, null, NOW), body)
                        .status())
                .isEqualTo(200);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM orders WHERE store_id = ?",
                        Integer.class,
                        other.id().value()))
                .isZero();
        assertThat(otherApi.get("/api/v1/inbox").body()).contains("\"events\":[]");
        String idA = sallaA[0].substring(sallaA[0].lastIndexOf('/') + 1);
        assertThat(otherApi.delete("/api/v1/sources/" + idA).status()).isEqualTo(404);
        assertThat(otherApi.postJson("/api/v1/sources/" + idA + "/rotate", "{}").status())
                .isEqualTo(404);
        assertThat(otherApi.get("/api/v1/sources").body()).doesNotContain(idA);
    }

    @Test
    void the_openapi_description_documents_sources_and_the_inbox_with_their_schemas() {
        JsonNode description = JSON.readTree(api.get("/api/openapi.json").body());
        assertThat(description.get("paths").propertyNames())
                .contains(
                        "/api/v1/sources",
                        "/api/v1/sources/{id}/rotate",
                        "/api/v1/sources/{id}",
                        "/api/v1/inbox",
                        "/api/v1/inbox/{id}/replay");
        JsonNode newSource = description.get("components").get("schemas").get("NewSource");
        assertThat(newSource.get("required").toString()).contains("platform");
        assertThat(newSource.get("properties").get("platform").get("enum").toString())
                .contains("salla", "zid", "shopify", "standard");
        assertThat(newSource.get("properties").get("secret").get("maxLength").asInt())
                .isEqualTo(500);
        assertThat(description.get("components").get("schemas").propertyNames())
                .contains("SourceWithSecret", "InboxJson");
    }

    @Test
    void invalid_requests_name_the_field() {
        Api.Response response = api.postJson("/api/v1/sources", "{\"platform\":\"magento\"}");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("platform: must be salla, zid, shopify or standard");
        assertThat(api.postJson("/api/v1/sources", "{\"platform\":\"shopify\"}").body())
                .contains("client secret");
        assertThat(api.postJson("/api/v1/sources", "{\"platform\":\"standard\",\"secret\":\"nope\"}")
                        .body())
                .contains("whsec_");
    }
}
