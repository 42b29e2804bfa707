package io.basira.server.platform.events;

import io.basira.events.DomainEvent;
import io.basira.server.platform.errors.RedactedFailure;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One instance's view of the events other processes record on the same PostgreSQL database (other
 * {@code basira serve} instances, a command-line import): tails {@code domain_events} and tells this
 * instance's listeners of every event of another origin, so its memory (the groups) follows writes made
 * elsewhere. No delivery rows: those are the durable deliveries of the process that recorded the event.
 *
 * <p>Woken by {@code NOTIFY basira_events} (sent by each recording transaction at its commit) on a
 * connection of its own, and reading at least every {@code poll} anyway, so a lost notification or a
 * broken connection only delays. It starts at the newest event when the instance starts (its memory
 * loads from the database on first use afterwards).
 *
 * <p>Ids are taken just before each commit, but transactions commit in any order: the feed can read id 8
 * while id 7 is still being committed. So it keeps the ids it skipped (gaps), each with the
 * {@code pg_snapshot_xmax} of when it was seen, reads them again with every poll, and lets a gap go
 * only once every transaction that was running then has ended ({@code pg_snapshot_xmin} of a fresh
 * snapshot has passed that xmax), after one last read: a gap left then was rolled back, never to come.
 */
public final class EventFeed {

    private static final Logger log = LoggerFactory.getLogger(EventFeed.class);
    private static final int BATCH = 500;
    static final int MAX_GAPS = 10_000;

    private final JdbcTemplate jdbc;
    private final ConnectionSource listenConnections;
    private final EventCodec codec;
    private final EventOrigin origin;
    private final Supplier<List<DomainEventListener>> listeners;
    private final Duration poll;

    private long cursor;
    /** Ids skipped, each with the xmax of the snapshot that saw it missing (-1: not taken yet). */
    private final Map<Long, Long> gaps = new LinkedHashMap<>();

    private volatile boolean running;
    private Thread thread;
    private Connection listening;

    /** Opens the dedicated connection the feed listens on. */
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    public EventFeed(
            JdbcTemplate jdbc,
            ConnectionSource listenConnections,
            EventCodec codec,
            EventOrigin origin,
            Supplier<List<DomainEventListener>> listeners,
            Duration poll) {
        this.jdbc = jdbc;
        this.listenConnections = listenConnections;
        this.codec = codec;
        this.origin = origin;
        this.listeners = listeners;
        this.poll = poll;
    }

    /** Starts at the newest event recorded so far (without a thread: tests then call {@link #poll}). */
    public synchronized void startAtNewest() {
        Long newest = jdbc.queryForObject("SELECT MAX(id) FROM domain_events", Long.class);
        cursor = newest == null ? 0 : newest;
        gaps.clear();
    }

    public synchronized void start() {
        startAtNewest();
        running = true;
        thread = new Thread(this::run, "basira-event-feed");
        thread.setDaemon(true);
        thread.start();
    }

    public void stop() {
        running = false;
        Thread running = thread;
        if (running != null) {
            running.interrupt();
            try {
                running.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeListening();
    }

    public boolean isRunning() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                waitForNotification();
                poll();
            } catch (RuntimeException | SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("the event feed failed; it reads again shortly", RedactedFailure.of(e));
                closeListening();
                sleep(poll);
            }
        }
    }

    private void waitForNotification() throws SQLException {
        if (listening == null) {
            listening = listenConnections.open();
            listening.setAutoCommit(true);
            try (Statement statement = listening.createStatement()) {
                statement.execute("LISTEN " + JdbcDomainEvents.CHANNEL);
            }
        }
        // returns at the first notification, or after the poll interval
        listening.unwrap(PGConnection.class).getNotifications((int) Math.max(1, poll.toMillis()));
    }

    private void closeListening() {
        Connection connection = listening;
        listening = null;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                log.debug("closing the feed's connection failed", e);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Row(long id, String type, String payload, String origin, java.time.Instant recordedAt) {}

    /**
     * Reads what was committed since the last poll (and the gaps), tells the listeners of the events of other
     * origins, and lets settled gaps go.
     *
     * @return the number of events of other origins handed to the listeners
     */
    public synchronized int poll() {
        int told = 0;
        if (!gaps.isEmpty()) {
            told += tell(
                    read("id IN (" + marks(gaps.size()) + ")", gaps.keySet().toArray()), true);
        }
        while (true) {
            List<Row> rows = read("id > ? ORDER BY id LIMIT " + BATCH, cursor);
            told += tell(rows, false);
            if (rows.size() < BATCH) {
                break;
            }
        }
        if (gaps.containsValue(-1L)) {
            long xmax = snapshotBound("pg_snapshot_xmax");
            gaps.replaceAll((id, seen) -> seen == -1L ? xmax : seen);
        }
        if (!gaps.isEmpty()) {
            told += settle();
        }
        return told;
    }

    /** The gaps whose transactions have all ended: read once more, then let go. */
    private int settle() {
        long xmin = snapshotBound("pg_snapshot_xmin");
        List<Long> settled = new ArrayList<>();
        gaps.forEach((id, xmax) -> {
            if (xmax <= xmin) {
                settled.add(id);
            }
        });
        if (settled.isEmpty()) {
            return 0;
        }
        int told = tell(read("id IN (" + marks(settled.size()) + ")", settled.toArray()), true);
        settled.forEach(gaps::remove);
        return told;
    }

    private long snapshotBound(String function) {
        return jdbc.queryForObject("SELECT " + function + "(pg_current_snapshot())::text", String.class)
                .transform(Long::parseLong);
    }

    private List<Row> read(String where, Object... args) {
        return jdbc.query(
                "SELECT id, type, payload, origin, recorded_at FROM domain_events WHERE " + where,
                (rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getString("type"),
                        rs.getString("payload"),
                        rs.getString("origin"),
                        JdbcDomainEvents.instant(rs, "recorded_at")),
                args);
    }

    private int tell(List<Row> rows, boolean fromGaps) {
        int told = 0;
        for (Row row : rows) {
            if (fromGaps) {
                if (gaps.remove(row.id()) == null) {
                    continue; // told already
                }
            } else {
                for (long missing = cursor + 1; missing < row.id(); missing++) {
                    gaps.put(missing, -1L);
                }
                cursor = Math.max(cursor, row.id());
            }
            if (!origin.recorded(row.origin())) {
                told += tell(row);
            }
        }
        trimGaps();
        return told;
    }

    private int tell(Row row) {
        DomainEvent event;
        try {
            event = codec.read(row.type(), row.payload());
        } catch (RuntimeException e) {
            log.warn("event {} of type {} cannot be read here; skipped", row.id(), row.type(), RedactedFailure.of(e));
            return 0;
        }
        ReceivedEvent received = new ReceivedEvent(row.id(), row.origin(), row.recordedAt(), event, false);
        for (DomainEventListener listener : listeners.get()) {
            if (listener.wants(event)) {
                try {
                    listener.handle(received);
                } catch (RuntimeException e) {
                    log.warn(
                            "listener {} failed on event {} from another instance",
                            listener.name(),
                            row.id(),
                            RedactedFailure.of(e));
                }
            }
        }
        return 1;
    }

    private void trimGaps() {
        if (gaps.size() > MAX_GAPS) {
            log.warn("the event feed keeps more than {} unsettled ids; the oldest are let go", MAX_GAPS);
            Iterator<Long> oldest = gaps.keySet().iterator();
            while (gaps.size() > MAX_GAPS && oldest.hasNext()) {
                oldest.next();
                oldest.remove();
            }
        }
    }

    /** The ids this feed still waits for (tests). */
    synchronized List<Long> gaps() {
        return List.copyOf(gaps.keySet());
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }
}
