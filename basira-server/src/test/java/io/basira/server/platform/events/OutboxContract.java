package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.events.CardsChanged;
import io.basira.events.OrdersRecorded;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.shared.Store;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox of domain events on each database: a write's events are recorded in its transaction and
 * delivered after its commit; a failing listener keeps its delivery row, shown by the API and the gauge,
 * and is retried with backoff on the application's clock. The retry loop is off here: the test runs it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"basira.demo.enabled=false", "basira.events.retries.enabled=false"})
@Import({MutableClock.Configuration.class, FlakyListener.Configuration.class})
abstract class OutboxContract {

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
    MutableClock clock;

    @Autowired
    FlakyListener flaky;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    MeterRegistry meters;

    Store store;

    Api newStore() {
        store = stores.create(
                "events-" + UUID.randomUUID().toString().substring(0, 8),
                "Events",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
        return new Api(port, keys.create(store.id(), "test").secret().value());
    }

    @AfterEach
    void deliverAgain() {
        events.deliverAfterCommit(true);
    }

    static String customer(String id) {
        return "{\"customer_id\":\"" + id + "\",\"created_at\":\"2024-01-01\"}";
    }

    static String order(String id, String customer, String status) {
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"" + customer + "\",\"status\":\"" + status
                + "\",\"total\":\"300.00\",\"created_at\":\"2024-05-30\"}";
    }

    private List<Map<String, Object>> recorded() {
        return jdbc.queryForList(
                "SELECT id, type, payload, origin FROM domain_events WHERE store_id = ? ORDER BY id",
                store.id().value());
    }

    private int deliveries(String listener) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id "
                        + "WHERE e.store_id = ? AND d.listener = ?",
                Integer.class,
                store.id().value(),
                listener);
    }

    @Test
    void a_write_records_its_events_with_the_change_and_delivers_them_after_the_commit() {
        Api api = newStore();
        api.postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
        api.postJson("/api/v1/customers", customer("C1"));
        api.postJson("/api/v1/orders", order("O1", "C1", "pending"));
        Api.Response completed = api.postJson("/api/v1/orders", order("O1", "C1", "completed"));

        assertThat(completed.status()).isEqualTo(200);
        assertThat(recorded())
                .extracting(row -> row.get("type"))
                .containsExactly(
                        "groups_redefined", // the group saved (the group engine)
                        "customers_changed",
                        "cards_changed",
                        "orders_recorded",
                        "cards_changed",
                        "membership_changed", // C1 entered, after the first order
                        "orders_recorded",
                        "cards_changed");
        JsonNode last = JSON.readTree((String) recorded().get(6).get("payload"));
        assertThat(last.get("orders").get(0).get("status_before").asString()).isEqualTo("pending");
        assertThat(last.get("orders").get(0).get("status_after").asString()).isEqualTo("completed");
        assertThat(JSON.readTree((String) recorded().get(3).get("payload"))
                        .get("orders")
                        .get(0)
                        .get("status_before")
                        .isNull())
                .isTrue();
        assertThat(recorded())
                .extracting(row -> row.get("origin"))
                .containsOnly(events.origin().id());
        assertThat(deliveries(MembershipFollowsWritesName.NAME)).isZero(); // delivered, rows gone
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers").body())
                        .get("member_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(flaky.handledFor(store.id()))
                .extracting(r -> r.event())
                .containsExactly(
                        CardsChanged.of(store.id(), Set.of("C1")),
                        CardsChanged.of(store.id(), Set.of("C1")),
                        CardsChanged.of(store.id(), Set.of("C1")));
    }

    @Test
    void a_write_refused_records_no_event() {
        Api api = newStore();
        assertThat(api.postJson("/api/v1/orders", order("O1", "nobody", "completed"))
                        .status())
                .isEqualTo(422);
        assertThat(recorded()).isEmpty();
    }

    @Test
    void an_event_is_published_inside_a_transaction_only() {
        newStore();
        assertThatThrownBy(() -> events.publish(CardsChanged.wholeStore(store.id())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("inside the transaction");
        assertThat(recorded()).isEmpty();
        transaction.executeWithoutResult(status -> {
            events.publish(CardsChanged.wholeStore(store.id()));
            status.setRollbackOnly();
        });
        assertThat(recorded()).isEmpty();
    }

    @Test
    void the_cards_changed_of_one_store_in_one_transaction_become_one_event() {
        newStore();
        transaction.executeWithoutResult(status -> {
            events.publish(CardsChanged.of(store.id(), Set.of("A")));
            events.publish(
                    new OrdersRecorded(store.id(), List.of(new OrdersRecorded.Recorded("O", "A", null, "pending"))));
            events.publish(CardsChanged.of(store.id(), Set.of("B")));
        });
        transaction.executeWithoutResult(status -> {
            events.publish(CardsChanged.of(store.id(), Set.of("C")));
            events.publish(CardsChanged.wholeStore(store.id()));
        });
        assertThat(recorded())
                .extracting(row -> row.get("type"))
                .containsExactly("cards_changed", "orders_recorded", "cards_changed");
        assertThat(flaky.handledFor(store.id()))
                .extracting(r -> r.event())
                .containsExactly(CardsChanged.of(store.id(), Set.of("A", "B")), CardsChanged.wholeStore(store.id()));
    }

    @Test
    void a_failing_listener_is_retried_with_backoff_shown_as_incomplete_meanwhile() {
        Api api = newStore();
        flaky.fail(store.id(), 2);
        Instant start = clock.instant();
        api.postJson("/api/v1/customers", customer("C1"));

        Map<String, Object> row = jdbc.queryForMap(
                "SELECT d.* FROM event_deliveries d JOIN domain_events e "
                        + "ON e.id = d.event_id WHERE e.store_id = ?",
                store.id().value());
        assertThat(row.get("listener")).isEqualTo("flaky");
        assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(1);
        assertThat(row.get("last_error")).isEqualTo("java.lang.IllegalStateException"); // no message
        assertThat(deliveries(MembershipFollowsWritesName.NAME)).isZero();
        JsonNode listed =
                JSON.readTree(api.get("/api/v1/events/incomplete").body()).get("incomplete");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("type").asString()).isEqualTo("cards_changed");
        assertThat(listed.get(0).get("listener").asString()).isEqualTo("flaky");
        assertThat(listed.get(0).get("attempts").asInt()).isEqualTo(1);
        assertThat(listed.get(0).get("last_error").asString()).isEqualTo("java.lang.IllegalStateException");
        assertThat(Instant.parse(listed.get(0).get("next_attempt_at").asString()))
                .isEqualTo(start.plusSeconds(5));
        assertThat(meters.get("basira.events.incomplete").gauge().value()).isGreaterThanOrEqualTo(1);

        assertThat(events.deliverDue(false)).isZero(); // not due yet
        clock.advance(Duration.ofSeconds(5));
        assertThat(events.deliverDue(false)).isZero(); // the second failure
        Map<String, Object> again = jdbc.queryForMap(
                "SELECT attempts, next_attempt_at FROM event_deliveries " + "WHERE listener = 'flaky'");
        assertThat(((Number) again.get("attempts")).intValue()).isEqualTo(2);
        assertThat(instant(again.get("next_attempt_at"))).isEqualTo(start.plusSeconds(5 + 10)); // doubled
        clock.advance(Duration.ofSeconds(9));
        assertThat(events.deliverDue(false)).isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(events.deliverDue(false)).isEqualTo(1);
        assertThat(deliveries("flaky")).isZero();
        assertThat(flaky.handledFor(store.id())).hasSize(1);
        assertThat(flaky.handledFor(store.id()).get(0).local()).isTrue();
        assertThat(JSON.readTree(api.get("/api/v1/events/incomplete").body()).get("incomplete"))
                .isEmpty();
    }

    @Test
    void a_delivery_left_undone_at_the_commit_stays_recorded_for_the_retry() {
        Api api = newStore();
        api.postJson("/api/v1/groups", "{\"key\":\"buyers\",\"name\":\"Buyers\",\"rule\":\"order_count >= 1\"}");
        api.postJson("/api/v1/customers", customer("C1"));
        events.deliverAfterCommit(false); // as if killed right after the commit
        assertThat(api.postJson("/api/v1/orders", order("O1", "C1", "completed"))
                        .status())
                .isEqualTo(200);
        assertThat(deliveries(MembershipFollowsWritesName.NAME)).isEqualTo(1);
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers").body())
                        .get("member_count")
                        .asInt())
                .isZero();

        clock.advance(Duration.ofSeconds(31)); // past the publisher's grace
        assertThat(events.deliverDue(false)).isEqualTo(7); // group-membership, analytics-columns, webhooks-out,
        // loyalty-bonuses, checkout-loyalty, campaign-triggers
        // (conversions), flaky
        assertThat(deliveries(MembershipFollowsWritesName.NAME)).isZero();
        assertThat(JSON.readTree(api.get("/api/v1/groups/buyers").body())
                        .get("member_count")
                        .asInt())
                .isEqualTo(1);
        assertThat(events.deliverDue(false)).isZero();
    }

    static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return OffsetDateTime.parse(value.toString().replace(' ', 'T')).toInstant();
    }

    /** The group listener's name, without the test depending on the groups package's class. */
    static final class MembershipFollowsWritesName {
        static final String NAME = io.basira.server.groups.MembershipFollowsWrites.NAME;
    }
}
