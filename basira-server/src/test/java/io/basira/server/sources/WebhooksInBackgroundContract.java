package io.basira.server.sources;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The server's own mode (the other webhook tests apply on the request's thread): deliveries are stored by the
 * inbox's group commit — concurrent ones in one transaction — answered, and applied afterwards by the outbox's
 * background worker in batches (the records of consecutive events about different records written together).
 * Twenty orders in three versions each, sent concurrently with redeliveries — the newest versions in a first round,
 * the older ones in a second — end applied exactly once with the newest version's total on every card; an event
 * with a status Basira does not know, sent among them, is parked alone, and an event type it does not map is
 * ignored.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.clock.fixed=2024-06-01T09:00:00Z",
            "basira.demo.enabled=false",
            "basira.events.background-delivery=true",
            "basira.secrets.key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="
        })
abstract class WebhooksInBackgroundContract {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String[] STATUSES = {"under_review", "in_progress", "completed"};

    @LocalServerPort
    int port;

    @Autowired
    JdbcStores stores;

    @Autowired
    JdbcApiKeys keys;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void concurrent_deliveries_are_grouped_answered_and_applied_in_the_background_exactly_once() throws Exception {
        Store store = stores.create(
                "bg-" + UUID.randomUUID().toString().substring(0, 8),
                "Background",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        Api api = new Api(port, keys.create(store.id(), "test").secret().value());
        Api.Response registered =
                api.postJson("/api/v1/sources", "{\"platform\":\"salla\",\"secret\":\"bg-secret-123\"}");
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        String path = JSON.readTree(registered.body())
                .get("source")
                .get("webhook_path")
                .asString();
        // Two rounds, each sent concurrently: the newest versions first (with an event to be parked, one to be ignored
        // and redeliveries among them), then, once every one of them is stored, the older versions with more
        // redeliveries of the newest. Within a round the arrival order is the scheduler's; across rounds it is fixed,
        // so an older version always finds the newest one stored ahead of it and is stale. (Sent in one round, a sender
        // thread held back past twenty others could deliver an order's version 2 before its version 3 — both are then
        // rightly applied, and the count of applied events says nothing.)
        List<String> newest = new ArrayList<>();
        for (int order = 0; order < 20; order++) {
            newest.add(body(order, 3));
        }
        List<String> first = new ArrayList<>(newest);
        first.add(10, body(99, 3).replace("\"completed\"", "\"no_such_status\"")); // to be parked, alone
        first.add(
                11,
                "{\"event\":\"app.store.authorize\",\"merchant\":1,\"created_at\":\"2024-05-01T10:00:00+03:00\","
                        + "\"data\":{}}"); // ignored
        first.addAll(newest.subList(0, 5)); // redeliveries, beside their first deliveries
        List<String> second = new ArrayList<>();
        for (int version = 2; version >= 1; version--) {
            for (int order = 0; order < 20; order++) {
                second.add(body(order, version));
            }
        }
        second.addAll(15, newest.subList(5, 10)); // redeliveries, after their first deliveries were stored
        PlatformSender sender = new PlatformSender(port);
        sendConcurrently(sender, path, first);
        sendConcurrently(sender, path, second);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (received(store) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(received(store)).isZero();
        assertThat(jdbc.queryForList(
                        "SELECT state FROM webhook_inbox WHERE store_id = ? ORDER BY state",
                        String.class,
                        store.id().value()))
                .hasSize(62)
                .containsOnly("applied", "stale", "parked", "ignored")
                .filteredOn("applied"::equals)
                .hasSize(20);
        assertThat(jdbc.queryForList(
                        "SELECT state FROM webhook_inbox WHERE store_id = ? AND state IN ('parked', 'ignored')"
                                + " ORDER BY state",
                        String.class,
                        store.id().value()))
                .containsExactly("ignored", "parked");
        for (int order = 0; order < 20; order++) {
            assertThat(jdbc.queryForObject(
                            "SELECT total_minor FROM orders WHERE store_id = ? AND external_id = ?",
                            Long.class,
                            store.id().value(),
                            "o" + order))
                    .isEqualTo(10_000L + order * 100 + 3 * 25);
        }
        List<Long> named = new ArrayList<>(); // one outbox event per group commit names every row it stored
        for (String payload : jdbc.queryForList(
                "SELECT payload FROM domain_events WHERE store_id = ? AND type = 'webhook_received'",
                String.class,
                store.id().value())) {
            JSON.readTree(payload).get("inbox_ids").forEach(id -> named.add(id.asLong()));
        }
        assertThat(named)
                .containsExactlyInAnyOrderElementsOf(jdbc.queryForList(
                        "SELECT id FROM webhook_inbox WHERE store_id = ?",
                        Long.class,
                        store.id().value()));
        // the worker lets its events go after their transaction committed and the events that transaction recorded
        // were told: the last rows go a moment after the last event is applied
        while (undelivered(store) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(undelivered(store)).isZero();
    }

    private static void sendConcurrently(PlatformSender sender, String path, List<String> bodies) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(8);
        try {
            List<Future<PlatformSender.Response>> answers = new ArrayList<>();
            for (String body : bodies) {
                answers.add(senders.submit(() -> sender.post(
                        path,
                        PlatformSender.signed(
                                "salla", "bg-secret-123", body, null, Instant.parse("2024-06-01T09:00:00Z")),
                        body)));
            }
            for (Future<PlatformSender.Response> answer : answers) {
                assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(200);
            }
        } finally {
            senders.shutdown();
        }
    }

    private int undelivered(Store store) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id WHERE e.store_id = ?",
                Integer.class,
                store.id().value());
    }

    private long received(Store store) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_inbox WHERE store_id = ? AND state = 'received'",
                Long.class,
                store.id().value());
    }

    private static String body(int order, int version) {
        String total = java.math.BigDecimal.valueOf(10_000L + order * 100 + version * 25L, 2)
                .toPlainString();
        return "{\"event\":\"order.updated\",\"merchant\":1,\"created_at\":\"2024-05-01T10:0" + version
                + ":00+03:00\",\"data\":{\"id\":\"o" + order + "\",\"date\":{\"date\":\"2024-05-01 09:00:00.000000\","
                + "\"timezone\":\"Asia/Riyadh\"},\"status\":{\"slug\":\"" + STATUSES[version - 1] + "\"},"
                + "\"payment_method\":\"mada\",\"amounts\":{\"total\":{\"amount\":" + total + ",\"currency\":\"SAR\"}},"
                + "\"customer\":{\"id\":\"c" + (order % 5) + "\",\"first_name\":\"عميل\",\"mobile\":\"555" + (order % 5)
                + "\",\"mobile_code\":\"+966\"},\"items\":[{\"quantity\":1,\"amounts\":{\"price_without_tax\":{\"amount\":"
                + total + ",\"currency\":\"SAR\"}},\"product\":{\"id\":\"p" + (order % 3) + "\"}}]}}";
    }
}
