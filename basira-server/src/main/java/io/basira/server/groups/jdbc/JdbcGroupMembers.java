package io.basira.server.groups.jdbc;

import io.basira.groups.MembershipCause;
import io.basira.groups.Movement;
import io.basira.groups.StoredMembership;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.shared.StoreId;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stored membership of a store's groups and its history: the core engine's {@link StoredMembership}.
 * Movements are applied against the database, not against what the caller believes is stored: an entry
 * inserts the member row unless it exists, an exit deletes it if it exists, and only a movement that
 * changed a row appends its {@code group_history} row, in the caller's transaction. So the same movements
 * applied twice, or by two instances at once, change membership once and write one history row each. On
 * PostgreSQL the row locks of the insert and the delete make the second apply wait for the first and then
 * find nothing to do; on H2 (one process) the applies of a store take turns in this process until their
 * transaction ends.
 */
public final class JdbcGroupMembers implements StoredMembership {

    private static final String DELETE =
            "DELETE FROM group_members WHERE store_id = ? AND group_key = ? " + "AND customer_external_id = ?";
    /** H2: an entry inserted unless stored (update count 1 or 0); PostgreSQL uses {@link #changedOnPostgres}. */
    private static final String H2_INSERT_IF_ABSENT = "MERGE INTO group_members t USING (VALUES (?, ?, ?, ?)) "
            + "n (store_id, group_key, customer_external_id, since) ON t.store_id = n.store_id "
            + "AND t.group_key = n.group_key AND t.customer_external_id = n.customer_external_id "
            + "WHEN NOT MATCHED THEN INSERT (store_id, group_key, customer_external_id, since) "
            + "VALUES (n.store_id, n.group_key, n.customer_external_id, n.since)";

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final Map<Long, ReentrantLock> h2Turns = new ConcurrentHashMap<>();

    public JdbcGroupMembers(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
    }

    /** Group key → current member customer ids. */
    @Override
    public Map<String, Set<String>> all(StoreId store) {
        Map<String, Set<String>> members = new TreeMap<>();
        jdbc.query(
                "SELECT group_key, customer_external_id FROM group_members WHERE store_id = ?",
                rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new TreeSet<>())
                            .add(rs.getString(2));
                },
                store.value());
        return members;
    }

    /**
     * Applies the movements idempotently (see the class): members added or removed where they were not
     * already, and one history entry, at {@code at}, for each movement that changed a row.
     *
     * @return the movements that changed the stored membership
     */
    @Override
    public List<Movement> apply(StoreId store, List<Movement> movements, MembershipCause cause, Instant at) {
        if (movements.isEmpty()) {
            return List.of();
        }
        if (dialect == SqlDialect.H2) {
            takeTurn(store);
        }
        List<Movement> exits = movements.stream().filter(m -> !m.entered()).toList();
        List<Movement> entries = movements.stream().filter(Movement::entered).toList();
        Set<Movement> changed = dialect == SqlDialect.POSTGRESQL
                ? changedOnPostgres(store, exits, entries, at)
                : changedByBatch(store, exits, entries, at);
        List<Movement> applied = movements.stream().filter(changed::contains).toList();
        jdbc.batchUpdate(
                "INSERT INTO group_history (store_id, group_key, customer_external_id, movement, happened_at, "
                        + "cause) VALUES (?, ?, ?, ?, ?, ?)",
                applied,
                1000,
                (ps, m) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, m.groupKey());
                    ps.setString(3, m.customerId());
                    ps.setString(4, m.entered() ? "entered" : "left");
                    Sql.setInstant(ps, 5, at);
                    ps.setString(6, cause.code());
                });
        return applied;
    }

    /**
     * PostgreSQL: one statement per chunk of movements, each saying with {@code RETURNING} which rows it
     * changed (per-row update counts are not reported when the driver rewrites a batch into one insert).
     */
    private Set<Movement> changedOnPostgres(StoreId store, List<Movement> exits, List<Movement> entries, Instant at) {
        Set<Movement> changed = new HashSet<>();
        for (List<Movement> chunk : chunks(exits)) {
            jdbc.query(
                    connection -> {
                        var ps = connection.prepareStatement(
                                "DELETE FROM group_members m USING unnest(?::text[], ?::text[]) "
                                        + "AS t(group_key, customer_external_id) WHERE m.store_id = ? AND m.group_key = t.group_key "
                                        + "AND m.customer_external_id = t.customer_external_id "
                                        + "RETURNING m.group_key, m.customer_external_id");
                        ps.setArray(
                                1,
                                connection.createArrayOf(
                                        "text",
                                        chunk.stream().map(Movement::groupKey).toArray()));
                        ps.setArray(
                                2,
                                connection.createArrayOf(
                                        "text",
                                        chunk.stream().map(Movement::customerId).toArray()));
                        ps.setLong(3, store.value());
                        return ps;
                    },
                    (rs, row) -> changed.add(new Movement(rs.getString(1), rs.getString(2), false)));
        }
        for (List<Movement> chunk : chunks(entries)) {
            jdbc.query(
                    connection -> {
                        var ps = connection.prepareStatement("INSERT INTO group_members (store_id, group_key, "
                                + "customer_external_id, since) SELECT ?, t.group_key, t.customer_external_id, ? "
                                + "FROM unnest(?::text[], ?::text[]) AS t(group_key, customer_external_id) "
                                + "ON CONFLICT (store_id, group_key, customer_external_id) DO NOTHING "
                                + "RETURNING group_key, customer_external_id");
                        ps.setLong(1, store.value());
                        Sql.setInstant(ps, 2, at);
                        ps.setArray(
                                3,
                                connection.createArrayOf(
                                        "text",
                                        chunk.stream().map(Movement::groupKey).toArray()));
                        ps.setArray(
                                4,
                                connection.createArrayOf(
                                        "text",
                                        chunk.stream().map(Movement::customerId).toArray()));
                        return ps;
                    },
                    (rs, row) -> changed.add(new Movement(rs.getString(1), rs.getString(2), true)));
        }
        return changed;
    }

    private static List<List<Movement>> chunks(List<Movement> movements) {
        List<List<Movement>> chunks = new ArrayList<>();
        for (int from = 0; from < movements.size(); from += 5000) {
            chunks.add(movements.subList(from, Math.min(movements.size(), from + 5000)));
        }
        return chunks;
    }

    /** H2: batches, whose per-row update counts say which rows changed. */
    private Set<Movement> changedByBatch(StoreId store, List<Movement> exits, List<Movement> entries, Instant at) {
        Set<Movement> changed = new HashSet<>();
        changed.addAll(changedRows(exits, jdbc.batchUpdate(DELETE, exits, 1000, (ps, m) -> {
            ps.setLong(1, store.value());
            ps.setString(2, m.groupKey());
            ps.setString(3, m.customerId());
        })));
        changed.addAll(changedRows(entries, jdbc.batchUpdate(H2_INSERT_IF_ABSENT, entries, 1000, (ps, m) -> {
            ps.setLong(1, store.value());
            ps.setString(2, m.groupKey());
            ps.setString(3, m.customerId());
            Sql.setInstant(ps, 4, at);
        })));
        return changed;
    }

    /** The movements whose statement changed a row, from the batches' update counts (in the order given). */
    private static List<Movement> changedRows(List<Movement> movements, int[][] counts) {
        List<Movement> changed = new ArrayList<>();
        int i = 0;
        for (int[] batch : counts) {
            for (int count : batch) {
                if (count == Statement.SUCCESS_NO_INFO) {
                    throw new IllegalStateException("the database driver did not report which members changed");
                }
                if (count > 0) {
                    changed.add(movements.get(i));
                }
                i++;
            }
        }
        return changed;
    }

    /**
     * H2: the store's applies take turns until the caller's transaction ends (H2 refuses an insert of a key
     * another open transaction inserted, where PostgreSQL waits for it).
     */
    private void takeTurn(StoreId store) {
        ReentrantLock turn = h2Turns.computeIfAbsent(store.value(), any -> new ReentrantLock());
        try {
            if (!turn.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotAcquireLockException(
                        "another change of this store's group members took longer than " + WAIT.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("interrupted while waiting to change group members", e);
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    turn.unlock();
                }
            });
        } else {
            turn.unlock(); // no transaction: each statement committed already
        }
    }

    /** The keys of the groups the customer is in, sorted. */
    public List<String> groupsOf(StoreId store, String customerId) {
        return new ArrayList<>(jdbc.queryForList(
                "SELECT group_key FROM group_members WHERE store_id = ? "
                        + "AND customer_external_id = ? ORDER BY group_key",
                String.class,
                store.value(),
                customerId));
    }

    /** The local date on which the store's groups were last evaluated for "today", if ever. */
    @Override
    public Optional<LocalDate> evaluatedOn(StoreId store) {
        return jdbc
                .query(
                        "SELECT evaluated_on FROM group_evaluations WHERE store_id = ?",
                        (rs, row) -> Sql.date(rs, "evaluated_on"),
                        store.value())
                .stream()
                .findFirst();
    }

    @Override
    public void setEvaluatedOn(StoreId store, LocalDate date) {
        int updated = jdbc.update(con -> {
            var ps = con.prepareStatement("UPDATE group_evaluations SET evaluated_on = ? WHERE store_id = ?");
            Sql.setDate(ps, 1, date);
            ps.setLong(2, store.value());
            return ps;
        });
        if (updated == 0) {
            jdbc.update(con -> {
                var ps = con.prepareStatement("INSERT INTO group_evaluations (store_id, evaluated_on) VALUES (?, ?)");
                ps.setLong(1, store.value());
                Sql.setDate(ps, 2, date);
                return ps;
            });
        }
    }
}
