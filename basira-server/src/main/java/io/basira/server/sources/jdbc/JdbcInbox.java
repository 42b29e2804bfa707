package io.basira.server.sources.jdbc;

import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.sources.InboxEntry;
import io.basira.server.sources.Platform;
import io.basira.server.sources.Times;
import io.basira.shared.StoreId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * The webhook inbox (table {@code webhook_inbox}): each platform event once per store, platform and event
 * key, with its raw body and what became of it. Callers own the transactions.
 */
public final class JdbcInbox {

    /** The longest outcome kept (the column's size). */
    static final int OUTCOME_LENGTH = 1000;

    private static final String COLUMNS =
            "id, store_id, source_id, platform, event_key, topic, received_at, state, outcome," + " handled_at";

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;

    public JdbcInbox(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Stores a new event as received. @return its id; empty when the store already holds that event key */
    public OptionalLong insert(
            StoreId store,
            String sourceId,
            Platform platform,
            String eventKey,
            String topic,
            String body,
            Instant now) {
        String insert =
                "INSERT INTO webhook_inbox (store_id, source_id, platform, event_key, topic, body, received_at, state)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, '" + InboxEntry.RECEIVED + "')"
                        + (dialect == SqlDialect.POSTGRESQL
                                ? " ON CONFLICT (store_id, platform, event_key) DO NOTHING"
                                : "");
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        try {
            int inserted = jdbc.update(
                    connection -> {
                        PreparedStatement ps = connection.prepareStatement(insert, new String[] {"id"});
                        ps.setLong(1, store.value());
                        ps.setString(2, sourceId);
                        ps.setString(3, platform.code());
                        ps.setString(4, eventKey);
                        ps.setString(5, topic);
                        ps.setString(6, body);
                        ps.setObject(7, Times.column(now));
                        return ps;
                    },
                    keys);
            return inserted == 0
                    ? OptionalLong.empty()
                    : OptionalLong.of(keys.getKey().longValue());
        } catch (DuplicateKeyException e) {
            return OptionalLong.empty();
        }
    }

    /** An event to store: whose, from which source and platform, its key, topic and raw body. */
    public record NewEvent(
            StoreId store, String sourceId, Platform platform, String eventKey, String topic, String body) {

        String identity() {
            return store.value() + "/" + platform.code() + "/" + eventKey;
        }
    }

    /**
     * {@link #insert} for many events in one statement: each stored as received unless its store already holds its
     * event key (or an earlier one of {@code events} has it). PostgreSQL: {@code INSERT … ON CONFLICT DO NOTHING
     * RETURNING}; H2: the keys held already are read first, the others inserted by one {@code INSERT} read back
     * through {@code FINAL TABLE} (a key stored meanwhile by another instance fails the statement: the caller writes
     * its events one at a time then). The rows go in in the order of their identities (store, platform, key), so
     * two such statements running at once never wait for each other's keys in a cycle.
     *
     * @return for each event, in their order, its new id; empty for an event key held already
     */
    public List<OptionalLong> insertAll(List<NewEvent> events, Instant now) {
        java.util.Map<String, NewEvent> fresh = new java.util.TreeMap<>(); // by key: see ReceiveWebhook
        events.forEach(event -> fresh.putIfAbsent(event.identity(), event));
        if (dialect != SqlDialect.POSTGRESQL) {
            held(fresh.values()).forEach(fresh::remove);
        }
        java.util.Map<String, Long> stored = new java.util.HashMap<>();
        if (!fresh.isEmpty()) {
            List<NewEvent> rows = List.copyOf(fresh.values());
            StringBuilder values = new StringBuilder();
            List<Object> args = new java.util.ArrayList<>(rows.size() * 7);
            Object at = Times.column(now);
            for (NewEvent row : rows) {
                values.append(values.isEmpty() ? "" : ", ")
                        .append("(?, ?, ?, ?, ?, ?, ?, '" + InboxEntry.RECEIVED + "')");
                args.addAll(java.util.Arrays.asList(
                        row.store().value(),
                        row.sourceId(),
                        row.platform().code(),
                        row.eventKey(),
                        row.topic(),
                        row.body(),
                        at));
            }
            String insert = "INSERT INTO webhook_inbox (store_id, source_id, platform, event_key, topic, body,"
                    + " received_at, state) VALUES " + values;
            String sql = dialect == SqlDialect.POSTGRESQL
                    ? insert + " ON CONFLICT (store_id, platform, event_key) DO NOTHING"
                            + " RETURNING id, store_id, platform, event_key"
                    : "SELECT id, store_id, platform, event_key FROM FINAL TABLE (" + insert + ")";
            jdbc.query(
                    sql,
                    rs -> {
                        stored.put(
                                rs.getLong("store_id") + "/" + rs.getString("platform") + "/"
                                        + rs.getString("event_key"),
                                rs.getLong("id"));
                    },
                    args.toArray());
        }
        List<OptionalLong> ids = new java.util.ArrayList<>(events.size());
        java.util.Set<String> answered = new java.util.HashSet<>();
        for (NewEvent event : events) {
            Long id = stored.get(event.identity());
            ids.add(id != null && answered.add(event.identity()) ? OptionalLong.of(id) : OptionalLong.empty());
        }
        return ids;
    }

    /** The identities of those of {@code events} whose store holds their event key already. */
    private java.util.Set<String> held(java.util.Collection<NewEvent> events) {
        java.util.Set<String> held = new java.util.HashSet<>();
        java.util.Map<String, List<NewEvent>> byStore = new java.util.LinkedHashMap<>();
        events.forEach(event -> byStore.computeIfAbsent(
                        event.store().value() + "/" + event.platform().code(), any -> new java.util.ArrayList<>())
                .add(event));
        for (List<NewEvent> same : byStore.values()) {
            List<Object> args = new java.util.ArrayList<>(same.size() + 2);
            args.add(same.get(0).store().value());
            args.add(same.get(0).platform().code());
            same.forEach(event -> args.add(event.eventKey()));
            jdbc.query(
                    "SELECT event_key FROM webhook_inbox WHERE store_id = ? AND platform = ? AND event_key IN ("
                            + String.join(", ", java.util.Collections.nCopies(same.size(), "?")) + ")",
                    rs -> {
                        held.add(same.get(0).store().value() + "/"
                                + same.get(0).platform().code() + "/" + rs.getString("event_key"));
                    },
                    args.toArray());
        }
        return held;
    }

    /** The event and its body, locked for this transaction, when it is still to be applied. */
    public Optional<Received> lockReceived(long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + ", body FROM webhook_inbox WHERE id = ? AND state = '"
                                + InboxEntry.RECEIVED + "' FOR UPDATE",
                        (rs, n) -> new Received(map(rs), rs.getString("body")),
                        id)
                .stream()
                .findFirst();
    }

    /**
     * The events of {@code ids} still to be applied, with their bodies, locked for this transaction, in the order
     * of their ids (one statement per {@value #LOCK_CHUNK} ids). Those applied, ignored or parked already are left
     * out.
     */
    public java.util.SortedMap<Long, Received> lockReceived(java.util.Collection<Long> ids) {
        java.util.SortedMap<Long, Received> locked = new java.util.TreeMap<>();
        List<Long> sorted = ids.stream().sorted().distinct().toList();
        for (int from = 0; from < sorted.size(); from += LOCK_CHUNK) {
            List<Long> chunk = sorted.subList(from, Math.min(sorted.size(), from + LOCK_CHUNK));
            jdbc.query(
                    "SELECT " + COLUMNS + ", body FROM webhook_inbox WHERE id IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"))
                            + ") AND state = '" + InboxEntry.RECEIVED + "' ORDER BY id FOR UPDATE",
                    rs -> {
                        Received received = new Received(map(rs), rs.getString("body"));
                        locked.put(received.entry().id(), received);
                    },
                    chunk.toArray());
        }
        return locked;
    }

    /** The most ids in one locking read. */
    static final int LOCK_CHUNK = 500;

    /** An event with its body. */
    public record Received(InboxEntry entry, String body) {}

    /** What became of one received event: its new state and outcome. */
    public record Finished(long id, String state, String outcome) {}

    /** {@link #finish} for many events in one batch of statements (each still only while it is received). */
    public void finishAll(List<Finished> finished, Instant now) {
        if (finished.isEmpty()) {
            return;
        }
        Object at = Times.column(now);
        jdbc.batchUpdate(
                "UPDATE webhook_inbox SET state = ?, outcome = ?, handled_at = ? WHERE id = ? AND state = '"
                        + InboxEntry.RECEIVED + "'",
                finished.stream()
                        .map(f -> new Object[] {f.state(), cut(f.outcome()), at, f.id()})
                        .toList());
    }

    /** Records what became of a received event. @return whether it was still received */
    public boolean finish(long id, String state, String outcome, Instant now) {
        return jdbc.update(
                        "UPDATE webhook_inbox SET state = ?, outcome = ?, handled_at = ? WHERE id = ? AND state = '"
                                + InboxEntry.RECEIVED + "'",
                        state,
                        cut(outcome),
                        Times.column(now),
                        id)
                == 1;
    }

    /**
     * Forgets the body of an event that named an erased customer (and the version its customer record claimed):
     * the row stays, so a redelivery is still known as one.
     */
    public void eraseBody(long id) {
        jdbc.update("UPDATE webhook_inbox SET body = '{}' WHERE id = ?", id);
        jdbc.update("DELETE FROM source_record_versions WHERE inbox_id = ? AND record_key LIKE 'customer:%'", id);
    }

    /** Parks a received event with the reason. @return its platform; null when it was not received any more */
    public Platform park(long id, String reason, Instant now) {
        if (!finish(id, InboxEntry.PARKED, reason, now)) {
            return null;
        }
        return jdbc.queryForObject(
                "SELECT platform FROM webhook_inbox WHERE id = ?",
                (rs, n) -> Platform.fromCode(rs.getString("platform")),
                id);
    }

    /** Sends a parked event back to be applied again. @return whether the store had it parked */
    public boolean unpark(StoreId store, long id) {
        return jdbc.update(
                        "UPDATE webhook_inbox SET state = '" + InboxEntry.RECEIVED
                                + "', outcome = NULL, handled_at = NULL"
                                + " WHERE store_id = ? AND id = ? AND state = '" + InboxEntry.PARKED + "'",
                        store.value(),
                        id)
                == 1;
    }

    /** The store's events in {@code state} (all states when null), newest first, at most {@code limit}. */
    public List<InboxEntry> list(StoreId store, String state, int limit) {
        return state == null
                ? jdbc.query(
                        "SELECT " + COLUMNS + " FROM webhook_inbox WHERE store_id = ? ORDER BY id DESC"
                                + " FETCH FIRST " + limit + " ROWS ONLY",
                        (rs, n) -> map(rs),
                        store.value())
                : jdbc.query(
                        "SELECT " + COLUMNS + " FROM webhook_inbox WHERE store_id = ? AND state = ? ORDER BY id DESC"
                                + " FETCH FIRST " + limit + " ROWS ONLY",
                        (rs, n) -> map(rs),
                        store.value(),
                        state);
    }

    public Optional<InboxEntry> find(StoreId store, long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM webhook_inbox WHERE store_id = ? AND id = ?",
                        (rs, n) -> map(rs),
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    /** How many of the store's events are in each state. */
    public java.util.Map<String, Long> counts(StoreId store) {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT state, COUNT(*) AS n FROM webhook_inbox WHERE store_id = ? GROUP BY state",
                rs -> {
                    counts.put(rs.getString("state"), rs.getLong("n"));
                },
                store.value());
        return counts;
    }

    private static InboxEntry map(ResultSet rs) throws SQLException {
        return new InboxEntry(
                rs.getLong("id"),
                new StoreId(rs.getLong("store_id")),
                rs.getString("source_id"),
                Platform.fromCode(rs.getString("platform")),
                rs.getString("event_key"),
                rs.getString("topic"),
                Times.instant(rs, "received_at"),
                rs.getString("state"),
                rs.getString("outcome"),
                Times.instant(rs, "handled_at"));
    }

    static String cut(String text) {
        return text == null || text.length() <= OUTCOME_LENGTH ? text : text.substring(0, OUTCOME_LENGTH - 1) + "…";
    }
}
