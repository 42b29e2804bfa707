package io.basira.server.groups.jdbc;

import io.basira.groups.ManualList;
import io.basira.groups.ManualLists;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Manual additions to and exclusions from groups, by the store's customer id ({@code group_additions},
 * {@code group_exclusions}). A customer is in at most one of the two lists of a group: adding removes an
 * exclusion and excluding removes an addition.
 */
public final class JdbcManualMembers implements ManualLists {

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public JdbcManualMembers(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    private static String table(ManualList list) {
        return switch (list) {
            case ADDITIONS -> "group_additions";
            case EXCLUSIONS -> "group_exclusions";
        };
    }

    /** Group key → customer ids on the list, for every group of the store that has any. */
    @Override
    public Map<String, Set<String>> all(StoreId store, ManualList list) {
        Map<String, Set<String>> lists = new TreeMap<>();
        jdbc.query(
                "SELECT group_key, customer_external_id FROM " + table(list) + " WHERE store_id = ?",
                rs -> {
                    lists.computeIfAbsent(rs.getString(1), k -> new TreeSet<>()).add(rs.getString(2));
                },
                store.value());
        return lists;
    }

    /** Puts the customer on the list (and off the other one); false when already there. */
    @Override
    public boolean put(StoreId store, String groupKey, String customerId, ManualList list) {
        remove(store, groupKey, customerId, list.other());
        if (contains(store, groupKey, customerId, list)) {
            return false;
        }
        jdbc.update(con -> {
            var ps = con.prepareStatement("INSERT INTO " + table(list)
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
    @Override
    public boolean remove(StoreId store, String groupKey, String customerId, ManualList list) {
        return jdbc.update(
                        "DELETE FROM " + table(list)
                                + " WHERE store_id = ? AND group_key = ? AND customer_external_id = ?",
                        store.value(),
                        groupKey,
                        customerId)
                > 0;
    }

    private boolean contains(StoreId store, String groupKey, String customerId, ManualList list) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM " + table(list)
                                + " WHERE store_id = ? AND group_key = ? AND customer_external_id = ?",
                        Long.class,
                        store.value(),
                        groupKey,
                        customerId)
                > 0;
    }
}
