package io.basira.server.jdbc;

import io.basira.groups.MembershipCause;
import io.basira.groups.Movement;
import io.basira.groups.StoredMembership;
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

    private static final String DELETE = "DELETE FROM group_members WHERE store_id = ? AND group_key = ? "
            + "AND customer_external_id = ?";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String insert;
    private final Map<Long, ReentrantLock> h2Turns = new ConcurrentHashMap<>();

    public JdbcGroupMembers(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.insert = dialect.insertIfAbsent("group_members", List.of("store_id", "group_key", "customer_external_id"),
                List.of("store_id", "group_key", "customer_external_id", "since"));
    }

    /** Group key → current member customer ids. */
    @Override
    public Map<String, Set<String>> all(StoreId store) {
        Map<String, Set<String>> members = new TreeMap<>();
        jdbc.query("SELECT group_key, customer_external_id FROM group_members WHERE store_id = ?",
                rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, store.value());
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
        Set<Movement> changed = new HashSet<>();
        changed.addAll(changedRows(exits, jdbc.batchUpdate(DELETE, exits, 1000, (ps, m) -> {
            ps.setLong(1, store.value());
            ps.setString(2, m.groupKey());
            ps.setString(3, m.customerId());
        })));
        changed.addAll(changedRows(entries, jdbc.batchUpdate(insert, entries, 1000, (ps, m) -> {
            ps.setLong(1, store.value());
            ps.setString(2, m.groupKey());
            ps.setString(3, m.customerId());
            Sql.setInstant(ps, 4, at);
        })));
        List<Movement> applied = movements.stream().filter(changed::contains).toList();
        jdbc.batchUpdate("INSERT INTO group_history (store_id, group_key, customer_external_id, movement, happened_at, "
                + "cause) VALUES (?, ?, ?, ?, ?, ?)", applied, 1000, (ps, m) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, m.groupKey());
                    ps.setString(3, m.customerId());
                    ps.setString(4, m.entered() ? "entered" : "left");
                    Sql.setInstant(ps, 5, at);
                    ps.setString(6, cause.code());
                });
        return applied;
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
                throw new CannotAcquireLockException("another change of this store's group members took longer than "
                        + WAIT.toSeconds() + " s");
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
            turn.unlock();                                  // no transaction: each statement committed already
        }
    }

    /** The keys of the groups the customer is in, sorted. */
    public List<String> groupsOf(StoreId store, String customerId) {
        return new ArrayList<>(jdbc.queryForList("SELECT group_key FROM group_members WHERE store_id = ? "
                + "AND customer_external_id = ? ORDER BY group_key", String.class, store.value(), customerId));
    }

    /** The local date on which the store's groups were last evaluated for "today", if ever. */
    @Override
    public Optional<LocalDate> evaluatedOn(StoreId store) {
        return jdbc.query("SELECT evaluated_on FROM group_evaluations WHERE store_id = ?",
                (rs, row) -> Sql.date(rs, "evaluated_on"), store.value()).stream().findFirst();
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
