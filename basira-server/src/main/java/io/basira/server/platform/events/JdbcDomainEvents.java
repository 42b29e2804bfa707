package io.basira.server.platform.events;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.events.DomainEvents;
import io.basira.server.platform.errors.RedactedFailure;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@link DomainEvents} port as a transactional outbox in {@code domain_events} and
 * {@code event_deliveries} (V8).
 *
 * <p>{@link #publish} buffers the event in the current transaction (refused outside one), coalescing
 * the {@link CardsChanged} of one store. Just before the commit the buffered events are inserted, with
 * one delivery row per listener that wants each, so they commit with the change or not at all. After
 * the commit, on the publishing thread once no transaction is open ({@link AfterTransaction}), each
 * listener is told and its delivery row deleted; a listener that throws keeps its row, with the
 * attempt counted, the next attempt put off (exponential backoff) and the exception's class (never its
 * message: it may quote personal data). {@link #deliverDue} — the retry loop, also once at start — tells
 * the listeners of the rows that are due, each row claimed first so that of several instances only one
 * takes it.
 */
public final class JdbcDomainEvents implements DomainEvents {

    private static final Logger log = LoggerFactory.getLogger(JdbcDomainEvents.class);
    static final String CHANNEL = "basira_events";
    private static final int BATCH = 200;

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final EventOrigin origin;
    private final Clock clock;
    private final Supplier<List<DomainEventListener>> listeners;
    private final boolean postgres;
    private final Settings settings;
    private volatile boolean deliverAfterCommit = true;

    /**
     * @param grace how long the publisher has to deliver before a retry loop may take its rows
     * @param backoff the wait after the first failure, doubled after each further one up to {@code maxBackoff}
     * @param inBackground whether listeners that ask for it ({@link DomainEventListener#inBackground}) are told
     *     by a background worker after the commit (false: every listener on the publishing thread)
     */
    public record Settings(Duration grace, Duration backoff, Duration maxBackoff, boolean inBackground) {}

    /** The background workers, one per listener that asked for one, started on its first event. */
    private final java.util.concurrent.ConcurrentMap<String, BackgroundWorker> workers =
            new java.util.concurrent.ConcurrentHashMap<>();

    public JdbcDomainEvents(
            JdbcTemplate jdbc,
            EventCodec codec,
            EventOrigin origin,
            Clock clock,
            Supplier<List<DomainEventListener>> listeners,
            boolean postgres,
            Settings settings) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.origin = origin;
        this.clock = clock;
        this.listeners = listeners;
        this.postgres = postgres;
        this.settings = settings;
    }

    public EventOrigin origin() {
        return origin;
    }

    /**
     * For tests: {@code false} leaves the events recorded and undelivered after commit, as a process killed
     * right after its commit would.
     */
    public void deliverAfterCommit(boolean deliver) {
        this.deliverAfterCommit = deliver;
    }

    @Override
    public void publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException(
                    "a domain event is published inside the transaction of its change: " + event.type());
        }
        Outbox outbox = (Outbox) TransactionSynchronizationManager.getResource(this);
        if (outbox == null) {
            outbox = new Outbox();
            TransactionSynchronizationManager.bindResource(this, outbox);
            TransactionSynchronizationManager.registerSynchronization(outbox);
        }
        outbox.add(event);
    }

    /** The events of one transaction, written just before it commits and delivered after. */
    private final class Outbox implements TransactionSynchronization {

        private final List<DomainEvent> events = new ArrayList<>();
        private List<ReceivedEvent> recorded = List.of();

        void add(DomainEvent event) {
            if (event instanceof CardsChanged cards) {
                for (int i = 0; i < events.size(); i++) {
                    if (events.get(i) instanceof CardsChanged earlier
                            && earlier.store().equals(cards.store())) {
                        events.set(i, merged(earlier, cards));
                        return;
                    }
                }
            }
            events.add(event);
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResource(JdbcDomainEvents.this);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(JdbcDomainEvents.this, this);
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            recorded = record(events);
        }

        @Override
        public void afterCommit() {
            if (deliverAfterCommit && !recorded.isEmpty()) {
                List<ReceivedEvent> committed = recorded;
                AfterTransaction.run(() -> deliver(committed));
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(JdbcDomainEvents.this);
        }
    }

    static CardsChanged merged(CardsChanged a, CardsChanged b) {
        if (a.wholeStore() || b.wholeStore()) {
            return CardsChanged.wholeStore(a.store());
        }
        Set<String> ids = new LinkedHashSet<>(a.customerIds());
        ids.addAll(b.customerIds());
        return CardsChanged.of(a.store(), ids);
    }

    /** Inserts the events and their delivery rows in the current transaction. */
    private List<ReceivedEvent> record(List<DomainEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<DomainEventListener> all = listeners.get();
        OffsetDateTime due = utc(now.plus(settings.grace()));
        List<String> payloads = new ArrayList<>(events.size());
        List<List<String>> wanting = new ArrayList<>(events.size());
        for (DomainEvent event : events) {
            payloads.add(codec.write(event));
            List<String> names = new ArrayList<>(all.size());
            for (DomainEventListener listener : all) {
                if (listener.wants(event)) {
                    names.add(listener.name());
                }
            }
            wanting.add(names);
        }
        List<Long> ids = postgres
                ? insertInOneStatement(events, payloads, wanting, now, due)
                : insertEachEvent(events, payloads, wanting, now, due);
        List<ReceivedEvent> recorded = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            recorded.add(new ReceivedEvent(ids.get(i), origin.id(), now, events.get(i), true));
        }
        return recorded;
    }

    /**
     * PostgreSQL, one round trip: an id for the transaction before the events take theirs (the feed's gaps
     * rely on it) and a wake-up for the other instances' feeds, sent by PostgreSQL at the commit; the events,
     * inserted in their order (so their ids ascend in it); the delivery rows of each. A data-modifying
     * statement in WITH runs once and to the end; the foreign keys are checked at the statement's end.
     *
     * @return the events' ids, in their order
     */
    private List<Long> insertInOneStatement(
            List<DomainEvent> events,
            List<String> payloads,
            List<List<String>> wanting,
            Instant now,
            OffsetDateTime due) {
        List<Object> args = new ArrayList<>();
        StringBuilder eventRows = new StringBuilder();
        StringBuilder deliveryRows = new StringBuilder();
        for (int i = 0; i < events.size(); i++) {
            eventRows
                    .append(i == 0 ? "(" : ", (")
                    .append(i + 1)
                    .append(", CAST(? AS BIGINT), CAST(? AS VARCHAR), CAST(? AS TEXT), CAST(? AS VARCHAR), "
                            + "CAST(? AS TIMESTAMPTZ))");
            args.add(events.get(i).store().value());
            args.add(events.get(i).type());
            args.add(payloads.get(i));
            args.add(origin.id());
            args.add(utc(now));
        }
        List<Object> deliveryArgs = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            for (String listener : wanting.get(i)) {
                deliveryRows
                        .append(deliveryRows.isEmpty() ? "(" : ", (")
                        .append(i + 1)
                        .append(", CAST(? AS VARCHAR))");
                deliveryArgs.add(listener);
            }
        }
        String sql = "WITH tx AS MATERIALIZED (SELECT pg_current_xact_id() AS xid, pg_notify('" + CHANNEL + "', '')), "
                + "ev AS (INSERT INTO domain_events (store_id, type, payload, origin, recorded_at) "
                + "SELECT v.store_id, v.type, v.payload, v.origin, v.recorded_at FROM tx, (VALUES " + eventRows
                + ") AS v(n, store_id, type, payload, origin, recorded_at) ORDER BY v.n RETURNING id), "
                + "numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM ev)";
        if (!deliveryArgs.isEmpty()) {
            sql += ", deliveries AS (INSERT INTO event_deliveries (event_id, listener, attempts, next_attempt_at) "
                    + "SELECT numbered.id, l.listener, 0, CAST(? AS TIMESTAMPTZ) FROM numbered JOIN (VALUES "
                    + deliveryRows + ") AS l(n, listener) ON l.n = numbered.n)";
            args.add(due);
            args.addAll(deliveryArgs);
        }
        List<Long> ids = jdbc.queryForList(sql + " SELECT id FROM numbered ORDER BY n", Long.class, args.toArray());
        if (ids.size() != events.size()) {
            throw new IllegalStateException("the outbox recorded " + ids.size() + " of " + events.size() + " events");
        }
        return ids;
    }

    /** H2 (in the process: round trips are cheap): each event with its generated id, then its delivery rows. */
    private List<Long> insertEachEvent(
            List<DomainEvent> events,
            List<String> payloads,
            List<List<String>> wanting,
            Instant now,
            OffsetDateTime due) {
        List<Long> ids = new ArrayList<>(events.size());
        List<Object[]> deliveries = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            DomainEvent event = events.get(i);
            String payload = payloads.get(i);
            KeyHolder key = new GeneratedKeyHolder();
            jdbc.update(
                    con -> {
                        PreparedStatement ps = con.prepareStatement(
                                "INSERT INTO domain_events (store_id, type, payload, origin, "
                                        + "recorded_at) VALUES (?, ?, ?, ?, ?)",
                                new String[] {"id"});
                        ps.setLong(1, event.store().value());
                        ps.setString(2, event.type());
                        ps.setString(3, payload);
                        ps.setString(4, origin.id());
                        ps.setObject(5, utc(now));
                        return ps;
                    },
                    key);
            long id = key.getKey().longValue();
            ids.add(id);
            for (String listener : wanting.get(i)) {
                deliveries.add(new Object[] {id, listener, 0, due});
            }
        }
        if (!deliveries.isEmpty()) {
            jdbc.batchUpdate(
                    "INSERT INTO event_deliveries (event_id, listener, attempts, next_attempt_at) VALUES (?, ?, ?, ?)",
                    deliveries);
        }
        return ids;
    }

    /** Tells every listener that wants them of these committed events; deletes the rows of those that succeeded. */
    void deliver(List<ReceivedEvent> events) {
        List<Object[]> done = new ArrayList<>();
        for (ReceivedEvent received : events) {
            for (DomainEventListener listener : listeners.get()) {
                if (!listener.wants(received.event())) {
                    continue;
                }
                if (settings.inBackground() && listener.inBackground()) {
                    workers.computeIfAbsent(listener.name(), name -> new BackgroundWorker(listener))
                            .add(received, 1);
                    continue;
                }
                Throwable failure = handle(listener, received);
                if (failure == null) {
                    done.add(new Object[] {received.id(), listener.name()});
                } else {
                    failed(received.id(), listener.name(), 1, failure);
                }
            }
        }
        try {
            if (!done.isEmpty()) {
                markDone(done);
            }
        } catch (RuntimeException e) {
            log.warn("delivered events could not be marked done; they are delivered again", RedactedFailure.of(e));
        }
    }

    /**
     * Tells one listener of its events on a thread of its own, as many at once as have queued up (at most
     * {@link #BATCH}), then deletes their delivery rows; a failure records each as failed, to be retried with
     * backoff. A process that dies with events queued here leaves their rows, delivered by the next start's
     * catch-up (or, after the grace, by any instance's retry loop).
     */
    /**
     * Stops the background workers when the application context closes (Spring calls it); the rows of the events
     * they still held stay, delivered by the next start's catch-up or another instance's retry loop.
     */
    public void close() {
        workers.values().forEach(BackgroundWorker::stop);
        workers.clear();
    }

    private final class BackgroundWorker implements Runnable {

        private final DomainEventListener listener;
        private final java.util.concurrent.BlockingQueue<ReceivedEvent> queue =
                new java.util.concurrent.LinkedBlockingQueue<>();
        /**
         * The events queued or being handled here, each with the attempt it is (1 right after the commit; a retry's
         * claimed attempt): the retry loop leaves them to this worker, and a failure is recorded as that attempt, so
         * the wait before the next one grows as it does for a listener told on the writing thread.
         */
        private final java.util.concurrent.ConcurrentMap<Long, Integer> held =
                new java.util.concurrent.ConcurrentHashMap<>();

        private final Thread thread;

        BackgroundWorker(DomainEventListener listener) {
            this.listener = listener;
            thread = new Thread(this, "basira-events-" + listener.name());
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            thread.interrupt();
        }

        void add(ReceivedEvent event, int attempt) {
            held.put(event.id(), attempt);
            queue.add(event);
        }

        boolean holds(long eventId) {
            return held.containsKey(eventId);
        }

        @Override
        public void run() {
            List<ReceivedEvent> batch = new ArrayList<>(BATCH);
            while (!Thread.currentThread().isInterrupted()) {
                try {
                    batch.add(queue.take());
                } catch (InterruptedException e) {
                    return;
                }
                queue.drainTo(batch, BATCH - 1);
                try {
                    listener.handleAll(List.copyOf(batch));
                    List<Object[]> done = new ArrayList<>(batch.size());
                    batch.forEach(event -> done.add(new Object[] {event.id(), listener.name()}));
                    markDone(done);
                } catch (RuntimeException | Error e) {
                    log.warn(
                            "listener {} failed on {} events from {}; retried later",
                            listener.name(),
                            batch.size(),
                            batch.get(0).id(),
                            RedactedFailure.of(e));
                    batch.forEach(event -> failed(event.id(), listener.name(), held.getOrDefault(event.id(), 1), e));
                }
                batch.forEach(event -> held.remove(event.id()));
                batch.clear();
            }
        }
    }

    /**
     * Deletes the delivery rows of what was handled. On PostgreSQL in a transaction of its own that does not wait
     * for its WAL to reach the disk ({@code synchronous_commit} off, for this transaction only): the rows are gone
     * for everyone at once, and a database crash in the next fraction of a second can only bring some back, whose
     * events are then delivered again — which every listener takes (at least once). A write thus waits for one
     * flush, its own, instead of two.
     */
    private void markDone(List<Object[]> done) {
        if (!postgres || TransactionSynchronizationManager.isActualTransactionActive()) {
            jdbc.batchUpdate("DELETE FROM event_deliveries WHERE event_id = ? AND listener = ?", done);
            return;
        }
        Long[] events = new Long[done.size()];
        String[] names = new String[done.size()];
        for (int i = 0; i < done.size(); i++) {
            events[i] = (Long) done.get(i)[0];
            names[i] = (String) done.get(i)[1];
        }
        // one statement in its own (implicit) transaction: the setting holds until that transaction's commit
        jdbc.update(
                "WITH lazy AS MATERIALIZED (SELECT set_config('synchronous_commit', 'off', true)) "
                        + "DELETE FROM event_deliveries d USING lazy, unnest(?, ?) AS x(event_id, listener) "
                        + "WHERE d.event_id = x.event_id AND d.listener = x.listener",
                ps -> {
                    ps.setArray(1, ps.getConnection().createArrayOf("bigint", events));
                    ps.setArray(2, ps.getConnection().createArrayOf("text", names));
                });
    }

    private static Throwable handle(DomainEventListener listener, ReceivedEvent received) {
        try {
            listener.handle(received);
            return null;
        } catch (RuntimeException | Error e) {
            log.warn(
                    "listener {} failed on event {} ({}); retried later",
                    listener.name(),
                    received.id(),
                    received.event().type(),
                    RedactedFailure.of(e));
            return e;
        }
    }

    /** The wait before attempt {@code attempts + 1}. */
    Duration backoff(int attempts) {
        Duration wait = settings.backoff();
        for (int i = 1; i < attempts && wait.compareTo(settings.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    private void failed(long eventId, String listener, int attempts, Throwable failure) {
        try {
            jdbc.update(
                    "UPDATE event_deliveries SET attempts = ?, next_attempt_at = ?, last_error = ? "
                            + "WHERE event_id = ? AND listener = ?",
                    attempts,
                    utc(clock.instant().plus(backoff(attempts))),
                    errorOf(failure),
                    eventId,
                    listener);
        } catch (RuntimeException e) {
            log.warn("a failed delivery could not be recorded; it is retried after the grace", RedactedFailure.of(e));
        }
    }

    /** The failure's class, and its causes' (no messages: they may quote personal data). */
    static String errorOf(Throwable failure) {
        StringBuilder text = new StringBuilder(failure.getClass().getName());
        Throwable cause = failure.getCause();
        for (int depth = 0; cause != null && cause != failure && depth < 3; depth++, cause = cause.getCause()) {
            text.append(" < ").append(cause.getClass().getName());
        }
        return text.length() > 300 ? text.substring(0, 300) : text.toString();
    }

    private record Due(
            long eventId,
            String listener,
            int attempts,
            long storeId,
            String type,
            String payload,
            String origin,
            Instant recordedAt) {}

    /**
     * Delivers the rows that are due (at start also every row another process recorded and never tried: it
     * died before delivering), a batch at a time, each claimed first (its attempt counted and the next one
     * put off) so that no other instance takes it meanwhile.
     *
     * @return the number of deliveries that succeeded (or were handed to a background worker)
     */
    public int deliverDue(boolean atStart) {
        int delivered = 0;
        Set<String> tried = new java.util.HashSet<>();
        while (true) {
            Instant now = clock.instant();
            List<Due> due = jdbc.query(
                    "SELECT d.event_id, d.listener, d.attempts, e.store_id, e.type, e.payload, "
                            + "e.origin, e.recorded_at FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id "
                            + "WHERE d.next_attempt_at <= ?" + (atStart ? " OR (d.attempts = 0 AND e.origin <> ?)" : "")
                            + " ORDER BY d.event_id, d.listener LIMIT " + BATCH,
                    (rs, n) -> new Due(
                            rs.getLong("event_id"),
                            rs.getString("listener"),
                            rs.getInt("attempts"),
                            rs.getLong("store_id"),
                            rs.getString("type"),
                            rs.getString("payload"),
                            rs.getString("origin"),
                            instant(rs, "recorded_at")),
                    atStart ? new Object[] {utc(now), origin.id()} : new Object[] {utc(now)});
            due = due.stream()
                    .filter(d -> tried.add(d.eventId() + "/" + d.listener()))
                    .filter(d -> !heldInBackground(d))
                    .toList();
            if (due.isEmpty()) {
                return delivered;
            }
            for (Due row : due) {
                if (deliverClaimed(row)) {
                    delivered++;
                }
            }
        }
    }

    /** How many events this process's background workers have queued or are handling (tests wait for 0). */
    int heldInBackground() {
        return workers.values().stream().mapToInt(worker -> worker.held.size()).sum();
    }

    /** Whether this process's background worker has the row's event queued (it is late, not lost). */
    private boolean heldInBackground(Due row) {
        BackgroundWorker worker = workers.get(row.listener());
        return worker != null && worker.holds(row.eventId());
    }

    private boolean deliverClaimed(Due row) {
        int attempt = row.attempts() + 1;
        int claimed = jdbc.update(
                "UPDATE event_deliveries SET attempts = ?, next_attempt_at = ? WHERE event_id = ? "
                        + "AND listener = ? AND attempts = ?",
                attempt,
                utc(clock.instant().plus(backoff(attempt))),
                row.eventId(),
                row.listener(),
                row.attempts());
        if (claimed != 1) {
            return false; // another instance took it
        }
        DomainEventListener listener = listeners.get().stream()
                .filter(l -> l.name().equals(row.listener()))
                .findFirst()
                .orElse(null);
        if (listener == null) {
            jdbc.update(
                    "UPDATE event_deliveries SET last_error = ? WHERE event_id = ? AND listener = ?",
                    "no such listener in this process",
                    row.eventId(),
                    row.listener());
            return false;
        }
        Throwable failure;
        try {
            DomainEvent event = codec.read(row.type(), row.payload());
            if (settings.inBackground() && listener.inBackground()) { // in batches, like right after a commit
                workers.computeIfAbsent(listener.name(), name -> new BackgroundWorker(listener))
                        .add(
                                new ReceivedEvent(
                                        row.eventId(),
                                        row.origin(),
                                        row.recordedAt(),
                                        event,
                                        origin.recorded(row.origin())),
                                attempt);
                return true;
            }
            failure = handle(
                    listener,
                    new ReceivedEvent(
                            row.eventId(), row.origin(), row.recordedAt(), event, origin.recorded(row.origin())));
        } catch (RuntimeException e) {
            failure = e;
        }
        if (failure != null) {
            failed(row.eventId(), row.listener(), attempt, failure);
            return false;
        }
        jdbc.update("DELETE FROM event_deliveries WHERE event_id = ? AND listener = ?", row.eventId(), row.listener());
        return true;
    }

    /** A delivery not done yet, as the API lists it. */
    public record Incomplete(
            long eventId,
            String type,
            Instant recordedAt,
            String listener,
            int attempts,
            String lastError,
            Instant nextAttemptAt) {}

    /** The store's incomplete publications, oldest first, at most {@code limit}. */
    public List<Incomplete> incomplete(long storeId, int limit) {
        return jdbc.query(
                "SELECT d.event_id, e.type, e.recorded_at, d.listener, d.attempts, d.last_error, "
                        + "d.next_attempt_at FROM event_deliveries d JOIN domain_events e ON e.id = d.event_id "
                        + "WHERE e.store_id = ? ORDER BY d.event_id, d.listener LIMIT " + limit,
                (rs, n) -> new Incomplete(
                        rs.getLong("event_id"),
                        rs.getString("type"),
                        instant(rs, "recorded_at"),
                        rs.getString("listener"),
                        rs.getInt("attempts"),
                        rs.getString("last_error"),
                        instant(rs, "next_attempt_at")),
                storeId);
    }

    /** Every store's incomplete publications: how many, and when the oldest was recorded (null: none). */
    public record Backlog(long count, Instant oldest) {}

    public Backlog backlog() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) AS n, MIN(e.recorded_at) AS oldest FROM event_deliveries d "
                        + "JOIN domain_events e ON e.id = d.event_id",
                (rs, n) -> new Backlog(rs.getLong("n"), instant(rs, "oldest")));
    }

    /** Deletes the events recorded before {@code before} that every listener has handled. @return how many */
    public int forgetDelivered(Instant before) {
        return jdbc.update(
                "DELETE FROM domain_events WHERE recorded_at < ? AND NOT EXISTS (SELECT 1 FROM "
                        + "event_deliveries d WHERE d.event_id = domain_events.id)",
                utc(before));
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
