package io.basira.server.jdbc;

import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Manual additions to and exclusions from groups, by the store's customer id. A customer is in at most one
 * of the two lists of a group: adding removes an exclusion and excluding removes an addition.
 */
public final class JdbcManualMembers {

    /** Which list. */
    public enum Kind {
        ADDITIONS("group_additions"),
        EXCLUSIONS("group_exclusions");

        private final String table;

        Kind(String table) {
            this.table = table;
        }

        Kind other() {
            return this == ADDITIONS ? EXCLUSIONS : ADDITIONS;
        }
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcManualMembers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Group key → customer ids on the list, for every group of the store that has any. */
    public Map<String, Set<String>> all(StoreId store, Kind kind) {
        Map<String, Set<String>> lists = new TreeMap<>();
        jdbc.query("SELECT group_key, customer_external_id FROM " + kind.table + " WHERE store_id = ?",
                rs -> {
                    lists.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                }, store.value());
        return lists;
    }

    /** Puts the customer on the list (and off the other one); false when already there. */
    public boolean put(StoreId store, String groupKey, String customerId, Kind kind) {
        remove(store, groupKey, customerId, kind.other());
        if (contains(store, groupKey, customerId, kind)) {
            return false;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO " + kind.table
                    + " (store_id, group_key, customer_external_id, added_at) VALUES (?, ?, ?, ?)");
            ps.setLong(1, store.value());
            ps.setString(2, groupKey);
            ps.setString(3, customerId);
            Sql.setInstant(ps, 4, clock.instant());
            return ps;
        });
        return true;
    }

    /** Takes the customer off the list; false when not there. */
    public boolean remove(StoreId store, String groupKey, String customerId, Kind kind) {
        return jdbc.update("DELETE FROM " + kind.table + " WHERE store_id = ? AND group_key = ? AND customer_external_id = ?",
                store.value(), groupKey, customerId) > 0;
    }

    private boolean contains(StoreId store, String groupKey, String customerId, Kind kind) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM " + kind.table
                + " WHERE store_id = ? AND group_key = ? AND customer_external_id = ?", Long.class,
                store.value(), groupKey, customerId) > 0;
    }
}
