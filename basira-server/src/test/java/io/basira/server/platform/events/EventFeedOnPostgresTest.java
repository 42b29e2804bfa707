package io.basira.server.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed does not lose an event committed after one with a higher id: it keeps the skipped id and reads it
 * again until every transaction running when it was seen has ended, and lets a rolled-back id go then.
 */
class EventFeedOnPostgresTest {

    private Map<String, String> database;
    private JdbcTemplate jdbc;
    private EventFeed feed;
    private long storeId;
    private final List<Long> told = new CopyOnWriteArrayList<>();
    private final EventCodec codec = new EventCodec(JsonMapper.builder().build());

    @BeforeEach
    void migrate() {
        database = TestDatabases.postgres();
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                database.get("spring.datasource.url"),
                database.get("spring.datasource.username"),
                database.get("spring.datasource.password"));
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(database.get("spring.flyway.schemas"))
                .locations("classpath:db/migration")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource);
        storeId = jdbc.queryForObject(
                "INSERT INTO stores (slug, name, currency, time_zone, created_at) VALUES "
                        + "('feed', 'Feed', 'SAR', 'Asia/Riyadh', now()) RETURNING id",
                Long.class);
        DomainEventListener listener = new DomainEventListener() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public Set<Class<? extends DomainEvent>> types() {
                return Set.of(CardsChanged.class);
            }

            @Override
            public void handle(ReceivedEvent received) {
                assertThat(received.local()).isFalse();
                told.add(received.id());
            }
        };
        feed = new EventFeed(
                jdbc,
                dataSource::getConnection,
                codec,
                new EventOrigin("this-instance"),
                () -> List.of(listener),
                java.time.Duration.ofSeconds(1));
        feed.startAtNewest();
    }

    private Connection open() throws SQLException {
        Connection connection = DriverManager.getConnection(
                database.get("spring.datasource.url"),
                database.get("spring.datasource.username"),
                database.get("spring.datasource.password"));
        connection.setAutoCommit(false);
        return connection;
    }

    /** Inserts an event of another instance in the connection's transaction, as the outbox does. @return its id */
    private long record(Connection connection, String origin) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO domain_events (store_id, type, payload, "
                + "origin, recorded_at) VALUES (?, 'cards_changed', ?, ?, ?) RETURNING id")) {
            ps.setLong(1, storeId);
            ps.setString(2, codec.write(CardsChanged.wholeStore(new io.basira.shared.StoreId(storeId))));
            ps.setString(3, origin);
            ps.setObject(4, OffsetDateTime.now(ZoneOffset.UTC));
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void an_event_committed_after_a_higher_id_is_still_told() throws Exception {
        try (Connection slow = open();
                Connection fast = open()) {
            long first = record(slow, "other");
            long second = record(fast, "other");
            fast.commit();
            assertThat(feed.poll()).isEqualTo(1);
            assertThat(told).containsExactly(second);
            assertThat(feed.gaps()).containsExactly(first);
            assertThat(feed.poll()).isZero(); // still running: kept
            assertThat(feed.gaps()).containsExactly(first);
            slow.commit();
            assertThat(feed.poll()).isEqualTo(1);
            assertThat(told).containsExactly(second, first);
            assertThat(feed.gaps()).isEmpty();
        }
    }

    @Test
    void an_id_rolled_back_is_let_go_once_its_transaction_ended_and_its_own_events_are_not_told() throws Exception {
        try (Connection aborted = open();
                Connection fast = open()) {
            long lost = record(aborted, "other");
            long mine = record(fast, "this-instance");
            long theirs = record(fast, "other");
            fast.commit();
            feed.poll();
            assertThat(told).containsExactly(theirs);
            assertThat(feed.gaps()).containsExactly(lost);
            aborted.rollback();
            assertThat(mine).isLessThan(theirs);
            // let go once every transaction running then has ended: on the whole server, so other clients' too
            // (another test JVM's long import can hold the horizon back for a while; wait for it, not a fixed time)
            long runningThen = snapshotBound("pg_snapshot_xmax");
            long deadline = System.nanoTime() + 300_000_000_000L;
            while (snapshotBound("pg_snapshot_xmin") < runningThen && System.nanoTime() < deadline) {
                sleep();
            }
            assertThat(snapshotBound("pg_snapshot_xmin"))
                    .as("every transaction running at the rollback has ended")
                    .isGreaterThanOrEqualTo(runningThen);
            feed.poll();
            feed.poll();
            assertThat(feed.gaps()).isEmpty();
            assertThat(told).containsExactly(theirs);
        }
    }

    private long snapshotBound(String function) {
        return Long.parseLong(
                jdbc.queryForObject("SELECT " + function + "(pg_current_snapshot())::text", String.class));
    }

    private static boolean sleep() throws InterruptedException {
        Thread.sleep(20);
        return true;
    }

    @Test
    void many_writers_committing_in_any_order_lose_nothing() throws Exception {
        int writers = 8;
        List<Long> ids = new CopyOnWriteArrayList<>();
        Connection[] connections = new Connection[writers];
        for (int i = 0; i < writers; i++) {
            connections[i] = open();
            ids.add(record(connections[i], "other"));
        }
        for (int i = writers - 1; i >= 0; i--) { // newest first
            connections[i].commit();
            connections[i].close();
            feed.poll();
        }
        feed.poll();
        assertThat(told).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(feed.gaps()).isEmpty();
    }
}
