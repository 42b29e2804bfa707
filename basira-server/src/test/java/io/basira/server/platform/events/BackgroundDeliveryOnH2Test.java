package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.platform.tenancy.JdbcApiKeys;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.support.Api;
import io.basira.server.support.MutableClock;
import io.basira.server.support.TestDatabases;
import io.basira.shared.Store;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A listener told by a background worker (docs/events.md, "Retries"): its failures are retried with the same
 * growing wait as a listener told on the writing thread, and the retry loop leaves alone an event the worker still
 * holds (late, not lost) instead of handing it a second time. The retry loop is off: the test runs it.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "basira.demo.enabled=false",
            "basira.events.retries.enabled=false",
            "basira.events.background-delivery=true"
        })
@Import({MutableClock.Configuration.class, BackgroundDeliveryOnH2Test.Listening.class})
class BackgroundDeliveryOnH2Test {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }

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
    SlowFlakyListener listener;

    @Test
    void a_failing_background_listener_waits_longer_after_each_failure() throws Exception {
        Store store = newStore("bg-retry");
        listener.failures.set(3);
        Instant start = clock.instant();
        api(store).postJson("/api/v1/customers", "{\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\"}");

        settled(store, 1, start.plusSeconds(5)); // told after the commit, failed: first wait 5 s
        clock.advance(Duration.ofSeconds(5));
        assertThat(events.deliverDue(false)).isEqualTo(1); // claimed and handed to the worker
        settled(store, 2, start.plusSeconds(5 + 10)); // failed again: 10 s (before, the worker wrote 1 and 5 s)
        clock.advance(Duration.ofSeconds(10));
        assertThat(events.deliverDue(false)).isEqualTo(1);
        settled(store, 3, start.plusSeconds(5 + 10 + 20));
        clock.advance(Duration.ofSeconds(20));
        assertThat(events.deliverDue(false)).isEqualTo(1);
        await(() -> deliveries(store) == 0);
        assertThat(listener.handled).hasSize(1);
    }

    @Test
    void the_retry_loop_leaves_an_event_the_worker_still_holds() throws Exception {
        Store store = newStore("bg-held");
        CountDownLatch release = new CountDownLatch(1);
        listener.holdUntil = release;
        try {
            api(store).postJson("/api/v1/customers", "{\"customer_id\":\"C1\",\"created_at\":\"2024-01-01\"}");
            assertThat(listener.entered.await(30, TimeUnit.SECONDS)).isTrue(); // the worker is in the listener
            clock.advance(Duration.ofMinutes(5)); // the row is long due: past the publisher's grace
            assertThat(events.deliverDue(false)).isZero(); // held by the worker: not claimed, not handed again
            assertThat(events.deliverDue(true)).isZero(); // nor by a catch-up
            assertThat(jdbc.queryForObject(
                            "SELECT attempts FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id"
                                    + " WHERE e.store_id = ? AND d.listener = ?",
                            Integer.class,
                            store.id().value(),
                            SlowFlakyListener.NAME))
                    .isZero();
        } finally {
            release.countDown();
        }
        await(() -> deliveries(store) == 0);
        assertThat(listener.handled).hasSize(1);
    }

    private Store newStore(String prefix) {
        listener.handled.clear();
        listener.failures.set(0);
        listener.calls.set(0);
        listener.holdUntil = null;
        listener.entered = new CountDownLatch(1);
        return stores.create(
                prefix + "-" + Long.toString(System.nanoTime(), 36),
                "Background",
                Currency.getInstance("SAR"),
                ZoneId.of("Asia/Riyadh"));
    }

    private Api api(Store store) {
        return new Api(port, keys.create(store.id(), "test").secret().value());
    }

    private int deliveries(Store store) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id"
                        + " WHERE e.store_id = ? AND d.listener = ?",
                Integer.class,
                store.id().value(),
                SlowFlakyListener.NAME);
    }

    /**
     * Waits until the listener was called {@code attempts} times and the worker let the event go (it records the
     * failure first), then checks the row: {@code attempts} counted, the next attempt at {@code next}.
     */
    private void settled(Store store, int attempts, Instant next) throws InterruptedException {
        await(() -> listener.calls.get() == attempts && events.heldInBackground() == 0);
        assertThat(rowShows(store, attempts, next))
                .as("attempts %s, next at %s", attempts, next)
                .isTrue();
    }

    private boolean rowShows(Store store, int attempts, Instant next) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT d.attempts, d.next_attempt_at, d.last_error FROM event_deliveries d"
                        + " JOIN domain_events e ON e.id = d.event_id WHERE e.store_id = ? AND d.listener = ?",
                store.id().value(),
                SlowFlakyListener.NAME);
        return rows.size() == 1
                && rows.get(0).get("last_error") != null
                && ((Number) rows.get(0).get("attempts")).intValue() == attempts
                && instant(rows.get(0).get("next_attempt_at")).equals(next);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 30 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Listening {
        @Bean
        SlowFlakyListener slowFlakyListener() {
            return new SlowFlakyListener();
        }
    }

    /** A background listener of {@link CardsChanged} that can fail a set number of times or wait for a latch. */
    static final class SlowFlakyListener implements DomainEventListener {

        static final String NAME = "slow-flaky-background";

        final AtomicInteger failures = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();
        volatile CountDownLatch holdUntil;
        volatile CountDownLatch entered = new CountDownLatch(1);

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Set<Class<? extends DomainEvent>> types() {
            return Set.of(CardsChanged.class);
        }

        @Override
        public boolean inBackground() {
            return true;
        }

        @Override
        public void handle(ReceivedEvent received) {
            calls.incrementAndGet();
            entered.countDown();
            CountDownLatch hold = holdUntil;
            if (hold != null) {
                try {
                    hold.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("failing on purpose");
            }
            handled.add(received);
        }
    }
}
