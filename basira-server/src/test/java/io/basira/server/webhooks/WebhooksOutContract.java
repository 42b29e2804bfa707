package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.events.JdbcDomainEvents;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.shared.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Webhooks out on each database, against a receiver in the test (the JDK's HTTP server on loopback, which these
 * tests allow): what is queued for a write, what arrives and how it is signed, the retry schedule on the test's
 * clock, Retry-After, 410, isolation and the delivery log through the API. The dispatch loop and the outbox's retry
 * loop are off: the test runs them.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.demo.enabled=false",
            "basira.events.retries.enabled=false",
            "basira.webhooks.dispatch.enabled=false",
            "basira.webhooks.allow-private-addresses=true",
            "basira.jobs.enabled=false"
        })
@Import(MutableClock.Configuration.class)
abstract class WebhooksOutContract {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    JdbcDomainEvents events;

    @Autowired
    WebhookDispatcher dispatcher;

    @Autowired
    MutableClock clock;

    @Autowired
    MeterRegistry meters;

    WebhookReceiver receiver;

    @BeforeEach
    void receive() {
        receiver = new WebhookReceiver();
        clock.set(MutableClock.START);
    }

    @AfterEach
    void stopReceiving() {
        receiver.close();
    }

    record Shop(Store store, Api api) {}

    Shop newShop(String name) {
        Store store = stores.create(
                name + "-" + UUID.randomUUID().toString().substring(0, 8),
                name,
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return new Shop(
                store, new Api(port, keys.create(store.id(), "test").secret().value()));
    }

    /** Registers an endpoint at {@code path} of the receiver; returns its JSON with the secret. */
    JsonNode register(Api api, String path, String... types) {
        String list = String.join("\",\"", types);
        Api.Response created = api.postJson(
                "/api/v1/webhook-endpoints",
                "{\"url\":\"" + receiver.url(path) + "\",\"description\":\"test " + path + "\",\"event_types\":[\""
                        + list + "\"]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return json(created);
    }

    static JsonNode json(Api.Response response) {
        return JSON.readTree(response.body());
    }

    static void buyerEntersGroup(Api api, String customer, String order) {
        assertThat(api.postJson(
                                "/api/v1/customers",
                                "{\"customer_id\":\"" + customer + "\",\"created_at\":\"2024-01-01\"}")
                        .status())
                .isEqualTo(200);
        assertThat(api.postJson(
                                "/api/v1/orders",
                                "{\"order_id\":\"" + order + "\",\"customer_id\":\"" + customer
                                        + "\",\"status\":\"completed\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\"}")
                        .status())
                .isEqualTo(200);
    }

    static void buyersGroup(Api api) {
        assertThat(api.postJson(
                                "/api/v1/groups",
                                "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}")
                        .status())
                .isEqualTo(201);
    }

    List<Map<String, Object>> deliveries(Store store) {
        return jdbc.queryForList(
                "SELECT endpoint_id, message_id, event_type, status, attempts FROM webhook_deliveries "
                        + "WHERE store_id = ? ORDER BY id",
                store.id().value());
    }

    long count(Store store, long endpoint, String type) {
        return deliveries(store).stream()
                .filter(d -> ((Number) d.get("endpoint_id")).longValue() == endpoint
                        && d.get("event_type").equals(type))
                .count();
    }

    @Test
    void a_group_entry_is_sent_once_to_each_subscribed_endpoint_signed_as_the_specification_says() {
        Shop shop = newShop("entries");
        JsonNode a = register(shop.api(), "/a", "group.entered");
        JsonNode b = register(shop.api(), "/b", "group.entered", "group.left");
        JsonNode c = register(shop.api(), "/c", "card.changed");
        buyersGroup(shop.api());
        buyerEntersGroup(shop.api(), "C1", "O1");

        long idA = a.get("endpoint").get("id").asLong();
        long idB = b.get("endpoint").get("id").asLong();
        long idC = c.get("endpoint").get("id").asLong();
        assertThat(count(shop.store(), idA, "group.entered")).isEqualTo(1);
        assertThat(count(shop.store(), idB, "group.entered")).isEqualTo(1);
        assertThat(count(shop.store(), idC, "group.entered")).isZero();
        assertThat(count(shop.store(), idC, "card.changed")).isEqualTo(2); // the customer, then the order
        assertThat(deliveries(shop.store())).hasSize(4);

        clock.advance(Duration.ofSeconds(3));
        assertThat(dispatcher.dispatchDue()).isEqualTo(4);

        WebhookReceiver.Request atA = receiver.at("/a").get(0);
        assertThat(receiver.at("/a")).hasSize(1);
        assertThat(receiver.at("/b")).hasSize(1);
        assertThat(receiver.at("/b").get(0).id()).isEqualTo(atA.id()); // one message, one id
        assertThat(atA.timestamp()).isEqualTo(Long.toString(clock.instant().getEpochSecond()));
        assertThat(atA.contentType()).startsWith("application/json");
        assertThat(StandardWebhooksVerifier.verifies(
                        a.get("secret").asString(), atA.id(), atA.timestamp(), atA.body(), atA.signature()))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(
                        b.get("secret").asString(), atA.id(), atA.timestamp(), atA.body(), atA.signature()))
                .isFalse(); // each endpoint its own secret
        assertThat(atA.body())
                .isEqualTo("{\"type\":\"group.entered\",\"timestamp\":\"2024-06-01T09:00:00Z\",\"data\":"
                        + "{\"group\":\"buyers\",\"customer_ids\":[\"C1\"],\"cause\":\"order\"}}");
        JsonNode body = JSON.readTree(atA.body());
        assertThat(body.get("type").asString()).isEqualTo("group.entered");
        assertThat(Instant.parse(body.get("timestamp").asString())).isEqualTo(MutableClock.START);
        assertThat(body.get("data").get("group").asString()).isEqualTo("buyers");
        assertThat(body.get("data").get("customer_ids").toString()).isEqualTo("[\"C1\"]");
        assertThat(body.get("data").get("cause").asString()).isEqualTo("order");

        List<String> cardBodies =
                receiver.at("/c").stream().map(WebhookReceiver.Request::body).toList();
        assertThat(cardBodies).hasSize(2).allSatisfy(text -> {
            JsonNode card = JSON.readTree(text);
            assertThat(card.get("type").asString()).isEqualTo("card.changed");
            assertThat(card.get("data").get("customer_ids").toString()).isEqualTo("[\"C1\"]");
            assertThat(card.get("data").get("whole_store").asBoolean()).isFalse();
        });
        assertThat(deliveries(shop.store())).extracting(d -> d.get("status")).containsOnly("delivered");
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void the_same_domain_event_told_twice_writes_no_second_delivery() {
        Shop shop = newShop("twice");
        JsonNode a = register(shop.api(), "/twice", "group.entered");
        buyersGroup(shop.api());
        buyerEntersGroup(shop.api(), "C1", "O1");
        long membership = jdbc.queryForObject(
                "SELECT id FROM domain_events WHERE store_id = ? AND type = " + "'membership_changed'",
                Long.class,
                shop.store().id().value());

        // the outbox tells the listener again, as after a crash or by the retry loop
        for (int time = 0; time < 2; time++) {
            jdbc.update(
                    "INSERT INTO event_deliveries (event_id, listener, attempts, next_attempt_at) VALUES (?, ?, 1, ?)",
                    membership,
                    WebhookFanOut.NAME,
                    java.time.OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
            assertThat(events.deliverDue(false)).isEqualTo(1);
        }
        assertThat(count(shop.store(), a.get("endpoint").get("id").asLong(), "group.entered"))
                .isEqualTo(1);
        dispatcher.dispatchDue();
        assertThat(receiver.at("/twice")).hasSize(1);
    }

    @Test
    void a_failing_endpoint_is_retried_on_the_standard_schedule_then_the_delivery_fails() {
        Shop shop = newShop("retries");
        receiver.answer("/down", 500, null);
        long id = register(shop.api(), "/down", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        assertThat(shop.api()
                        .postJson("/api/v1/webhook-endpoints/" + id + "/test", "")
                        .status())
                .isEqualTo(202);

        List<Duration> waits = List.of(
                Duration.ZERO,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                Duration.ofMinutes(30),
                Duration.ofHours(2),
                Duration.ofHours(5),
                Duration.ofHours(10),
                Duration.ofHours(14),
                Duration.ofHours(20),
                Duration.ofHours(24));
        List<Instant> attemptedAt = new ArrayList<>();
        for (Duration wait : waits) {
            if (!wait.isZero()) {
                clock.advance(wait.minusSeconds(1));
                assertThat(dispatcher.dispatchDue())
                        .as("a second before the wait of %s ends", wait)
                        .isZero();
                clock.advance(Duration.ofSeconds(1));
            }
            assertThat(dispatcher.dispatchDue()).as("after %s", wait).isEqualTo(1);
            attemptedAt.add(clock.instant());
            JsonNode delivery = json(shop.api().get("/api/v1/webhook-endpoints/" + id + "/deliveries"))
                    .get("deliveries")
                    .get(0);
            if (attemptedAt.size() < 10) {
                assertThat(delivery.get("status").asString()).isEqualTo("pending");
                assertThat(Instant.parse(delivery.get("next_attempt_at").asString()))
                        .isEqualTo(clock.instant().plus(waits.get(attemptedAt.size())));
            }
        }
        JsonNode delivery = json(shop.api().get("/api/v1/webhook-endpoints/" + id + "/deliveries"))
                .get("deliveries")
                .get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("failed");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(10);
        assertThat(delivery.get("next_attempt_at").isNull()).isTrue();
        assertThat(delivery.get("event_type").asString()).isEqualTo("webhook.test");
        JsonNode log = delivery.get("attempt_log");
        assertThat(log).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(log.get(i).get("attempt").asInt()).isEqualTo(i + 1);
            assertThat(log.get(i).get("status_code").asInt()).isEqualTo(500);
            assertThat(Instant.parse(log.get(i).get("at").asString())).isEqualTo(attemptedAt.get(i));
            assertThat(log.get(i).get("duration_ms").asLong()).isNotNegative();
        }
        List<WebhookReceiver.Request> got = receiver.at("/down");
        assertThat(got)
                .hasSize(10)
                .extracting(WebhookReceiver.Request::id)
                .containsOnly(got.get(0).id());
        assertThat(got).extracting(WebhookReceiver.Request::timestamp).doesNotHaveDuplicates();
        clock.advance(Duration.ofDays(2));
        assertThat(dispatcher.dispatchDue()).isZero();
    }

    @Test
    void retry_after_in_seconds_or_as_a_date_puts_the_next_attempt_off() {
        Shop shop = newShop("later");
        receiver.answer("/busy", 503, "120");
        long id = register(shop.api(), "/busy", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        shop.api().postJson("/api/v1/webhook-endpoints/" + id + "/test", "");
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(nextAttempt(shop, id)).isEqualTo(clock.instant().plusSeconds(120)); // not the schedule's 5 s
        clock.advance(Duration.ofSeconds(10));
        assertThat(gaugesShow(1, 10))
                .as("the gauges: one pending delivery, at least 10 s old")
                .isTrue();
        clock.advance(Duration.ofSeconds(-10));
        clock.advance(Duration.ofSeconds(119));
        assertThat(dispatcher.dispatchDue()).isZero();
        clock.advance(Duration.ofSeconds(1));

        Instant inAnHour = clock.instant().plus(Duration.ofHours(1));
        receiver.answer("/busy", 429, DateTimeFormatter.RFC_1123_DATE_TIME.format(inAnHour.atZone(ZoneOffset.UTC)));
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        assertThat(nextAttempt(shop, id)).isEqualTo(inAnHour); // not the schedule's 5 min

        clock.set(inAnHour);
        receiver.answer("/busy", 200, null);
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);
        JsonNode delivery = json(shop.api().get("/api/v1/webhook-endpoints/" + id + "/deliveries"))
                .get("deliveries")
                .get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("delivered");
        assertThat(delivery.get("attempt_log").findValues("status_code"))
                .extracting(JsonNode::asInt)
                .containsExactly(503, 429, 200);
    }

    /** Whether the gauges show at least these values within 3 s (they read the database at most once a second). */
    private boolean gaugesShow(double pending, double oldestSeconds) {
        long deadline = System.nanoTime() + 3_000_000_000L;
        do {
            if (meters.get("basira.webhooks.pending").gauge().value() >= pending
                    && meters.get("basira.webhooks.pending.oldest.seconds")
                                    .gauge()
                                    .value()
                            >= oldestSeconds) {
                return true;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private Instant nextAttempt(Shop shop, long id) {
        return Instant.parse(json(shop.api().get("/api/v1/webhook-endpoints/" + id + "/deliveries"))
                .get("deliveries")
                .get(0)
                .get("next_attempt_at")
                .asString());
    }

    @Test
    void an_endpoint_that_answers_410_is_disabled_and_gets_nothing_more() {
        Shop shop = newShop("gone");
        receiver.answer("/gone", 500, null);
        long id = register(shop.api(), "/gone", "group.entered", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        shop.api().postJson("/api/v1/webhook-endpoints/" + id + "/test", "");
        dispatcher.dispatchDue(); // failed once, due in 5 s
        receiver.answer("/gone", 410, null);
        shop.api().postJson("/api/v1/webhook-endpoints/" + id + "/test", "");
        assertThat(dispatcher.dispatchDue()).isEqualTo(1);

        JsonNode endpoint = json(shop.api().get("/api/v1/webhook-endpoints/" + id));
        assertThat(endpoint.get("enabled").asBoolean()).isFalse();
        assertThat(endpoint.get("disabled_reason").asString()).isEqualTo("gone");
        assertThat(json(shop.api().get("/api/v1/webhook-endpoints/" + id + "/deliveries"))
                        .get("deliveries")
                        .findValuesAsString("status"))
                .containsExactly("failed", "cancelled"); // newest first

        buyersGroup(shop.api());
        buyerEntersGroup(shop.api(), "C1", "O1");
        clock.advance(Duration.ofMinutes(10));
        assertThat(dispatcher.dispatchDue()).isZero();
        assertThat(deliveries(shop.store())).hasSize(2);
        assertThat(receiver.at("/gone")).hasSize(2);
        assertThat(shop.api()
                        .postJson("/api/v1/webhook-endpoints/" + id + "/test", "")
                        .status())
                .isEqualTo(422);

        assertThat(json(shop.api().postJson("/api/v1/webhook-endpoints/" + id + "/enable", ""))
                        .get("enabled")
                        .asBoolean())
                .isTrue();
        receiver.answer("/gone", 204, null);
        buyerEntersGroup(shop.api(), "C2", "O2");
        assertThat(dispatcher.dispatchDue()).isEqualTo(3); // C2's customer and order cards, and its group entry
    }

    @Test
    void one_stores_endpoints_never_get_another_stores_events_nor_show_in_its_api() {
        Shop a = newShop("store-a");
        Shop b = newShop("store-b");
        long ofA = register(a.api(), "/store-a", "group.entered", "group.left", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        long ofB = register(b.api(), "/store-b", "group.entered", "group.left", "card.changed")
                .get("endpoint")
                .get("id")
                .asLong();
        buyersGroup(b.api());
        buyerEntersGroup(b.api(), "B1", "BO1");
        dispatcher.dispatchDue();

        assertThat(receiver.at("/store-a")).isEmpty();
        assertThat(receiver.at("/store-b")).hasSize(3);
        assertThat(deliveries(a.store())).isEmpty();
        assertThat(json(a.api().get("/api/v1/webhook-endpoints")).findValues("id"))
                .extracting(JsonNode::asLong)
                .containsExactly(ofA);
        for (String path : List.of("", "/deliveries")) {
            assertThat(a.api().get("/api/v1/webhook-endpoints/" + ofB + path).status())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(a.api()
                        .postJson("/api/v1/webhook-endpoints/" + ofB + "/test", "")
                        .status())
                .isEqualTo(404);
        assertThat(a.api()
                        .postJson("/api/v1/webhook-endpoints/" + ofB + "/disable", "")
                        .status())
                .isEqualTo(404);
        assertThat(a.api().delete("/api/v1/webhook-endpoints/" + ofB).status()).isEqualTo(404);
        assertThat(json(b.api().get("/api/v1/webhook-endpoints/" + ofB))
                        .get("enabled")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void the_api_validates_shows_the_secret_once_rotates_updates_and_deletes() {
        Shop shop = newShop("manage");
        Api api = shop.api();
        Api.Response empty = api.postJson("/api/v1/webhook-endpoints", "{}");
        assertThat(empty.status()).isEqualTo(422);
        assertThat(json(empty).get("problems").toString()).contains("event_types ", "url ");
        Api.Response unknown = api.postJson(
                "/api/v1/webhook-endpoints",
                "{\"url\":\"" + receiver.url("/x") + "\",\"event_types\":[\"points.earned\"]}");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(json(unknown).get("problems").get(0).asString())
                .contains("'points.earned' is not an event type", "group.entered", "group.left", "card.changed");
        Api.Response ftp = api.postJson(
                "/api/v1/webhook-endpoints", "{\"url\":\"ftp://127.0.0.1/x\"," + "\"event_types\":[\"card.changed\"]}");
        assertThat(ftp.status()).isEqualTo(422);
        assertThat(json(ftp).get("problems").get(0).asString()).contains("only http and https");
        assertThat(json(api.get("/api/v1/webhook-endpoints"))).isEmpty();

        assertThat(json(api.get("/api/v1/webhook-endpoints/event-types"))
                        .get("event_types")
                        .toString())
                .isEqualTo(
                        "[\"campaign.enrolled\",\"campaign.converted\",\"loyalty.points_earned\",\"loyalty.tier_changed\",\"loyalty.points_expiring\",\"campaign.message\",\"group.entered\",\"group.left\",\"card.changed\"]");
        JsonNode created = register(api, "/managed", "card.changed");
        String secret = created.get("secret").asString();
        long id = created.get("endpoint").get("id").asLong();
        assertThat(secret).startsWith("whsec_");
        assertThat(api.get("/api/v1/webhook-endpoints").body())
                .doesNotContain(secret)
                .doesNotContain("whsec_");
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).body()).doesNotContain("whsec_");

        String rotated = json(api.postJson("/api/v1/webhook-endpoints/" + id + "/rotate-secret", ""))
                .get("secret")
                .asString();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(secret);
        api.postJson("/api/v1/webhook-endpoints/" + id + "/test", "");
        dispatcher.dispatchDue();
        WebhookReceiver.Request test = receiver.at("/managed").get(0);
        assertThat(test.signature().split(" ")).hasSize(2); // new and previous, for 24 hours
        assertThat(StandardWebhooksVerifier.verifies(
                        rotated, test.id(), test.timestamp(), test.body(), test.signature()))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verifies(
                        secret, test.id(), test.timestamp(), test.body(), test.signature()))
                .isTrue();
        assertThat(JSON.readTree(test.body()).get("type").asString()).isEqualTo("webhook.test");
        clock.advance(Duration.ofHours(25));
        api.postJson("/api/v1/webhook-endpoints/" + id + "/test", "");
        dispatcher.dispatchDue();
        WebhookReceiver.Request later = receiver.at("/managed").get(1);
        assertThat(later.signature().split(" ")).hasSize(1);
        assertThat(StandardWebhooksVerifier.verifies(
                        secret, later.id(), later.timestamp(), later.body(), later.signature()))
                .isFalse();

        JsonNode updated = json(api.putJson(
                "/api/v1/webhook-endpoints/" + id,
                "{\"url\":\"" + receiver.url("/moved")
                        + "\",\"description\":\"CRM\",\"event_types\":[\"group.left\",\"card.changed\"]}"));
        assertThat(updated.get("url").asString()).endsWith("/moved");
        assertThat(updated.get("event_types").toString()).isEqualTo("[\"group.left\",\"card.changed\"]");
        assertThat(json(api.postJson("/api/v1/webhook-endpoints/" + id + "/disable", ""))
                        .get("disabled_reason")
                        .asString())
                .isEqualTo("merchant");
        assertThat(api.delete("/api/v1/webhook-endpoints/" + id).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhook-endpoints/" + id).status()).isEqualTo(404);
        assertThat(deliveries(shop.store())).isEmpty(); // its log went with it
    }

    @Test
    void the_openapi_description_has_the_typed_schemas() {
        JsonNode openApi =
                JSON.readTree(new Api(port, null).get("/api/openapi.json").body());
        JsonNode schemas = openApi.get("components").get("schemas");
        assertThat(schemas.get("WebhookEndpointRequest").get("required").toString())
                .contains("url", "event_types");
        assertThat(schemas.has("WebhookDelivery")).isTrue();
        assertThat(openApi.get("paths").has("/api/v1/webhook-endpoints/{id}/deliveries"))
                .isTrue();
    }
}
