package io.basira.server.jdbc;

import io.basira.server.groups.MembershipCause;
import io.basira.server.groups.Movement;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stored membership of a store's groups and its history. The live evaluation
 * ({@code io.basira.server.groups.LiveGroups}) is the only writer: it applies each change as movements,
 * which update {@code group_members} and append to {@code group_history} in the caller's transaction.
 */
public final class JdbcGroupMembers {

    private final JdbcTemplate jdbc;

    public JdbcGroupMembers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Group key → current member customer ids. */
    public Map<String, Set<String>> all(StoreId store) {
        Map<String, Set<String>> members = new TreeMap<>();
        jdbc.query("SELECT group_key, customer_external_id FROM group_members WHERE store_id = ?",
                rs -> {
                    members.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, store.value());
        return members;
    }

    /** Records the movements: members added or removed, and one history entry each, at {@code at}. */
    public void apply(StoreId store, List<Movement> movements, MembershipCause cause, Instant at) {
        List<Movement> entries = movements.stream().filter(Movement::entered).toList();
        List<Movement> exits = movements.stream().filter(m -> !m.entered()).toList();
        jdbc.batchUpdate("DELETE FROM group_members WHERE store_id = ? AND group_key = ? AND customer_external_id = ?",
                exits, 1000, (ps, m) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, m.groupKey());
                    ps.setString(3, m.customerId());
                });
        jdbc.batchUpdate("INSERT INTO group_members (store_id, group_key, customer_external_id, since) VALUES (?, ?, ?, ?)",
                entries, 1000, (ps, m) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, m.groupKey());
                    ps.setString(3, m.customerId());
                    Sql.setInstant(ps, 4, at);
                });
        jdbc.batchUpdate("INSERT INTO group_history (store_id, group_key, customer_external_id, movement, happened_at, "
                + "cause) VALUES (?, ?, ?, ?, ?, ?)", movements, 1000, (ps, m) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, m.groupKey());
                    ps.setString(3, m.customerId());
                    ps.setString(4, m.entered() ? "entered" : "left");
                    Sql.setInstant(ps, 5, at);
                    ps.setString(6, cause.code());
                });
    }

    /** The keys of the groups the customer is in, sorted. */
    public List<String> groupsOf(StoreId store, String customerId) {
        return new ArrayList<>(jdbc.queryForList("SELECT group_key FROM group_members WHERE store_id = ? "
                + "AND customer_external_id = ? ORDER BY group_key", String.class, store.value(), customerId));
    }

    /** The local date on which the store's groups were last evaluated for "today", if ever. */
    public Optional<LocalDate> evaluatedOn(StoreId store) {
        return jdbc.query("SELECT evaluated_on FROM group_evaluations WHERE store_id = ?",
                (rs, row) -> Sql.date(rs, "evaluated_on"), store.value()).stream().findFirst();
    }

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
