package io.basira.server.jdbc;

import io.basira.shared.StoreId;
import java.util.HashSet;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads all external ids of a store's customers or orders, for the referential checks of a whole-file import. */
public final class JdbcKnownIds {

    private final JdbcTemplate jdbc;

    public JdbcKnownIds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Set<String> customers(StoreId store) {
        return ids("customers", store);
    }

    public Set<String> orders(StoreId store) {
        return ids("orders", store);
    }

    private Set<String> ids(String table, StoreId store) {
        Set<String> ids = new HashSet<>();
        jdbc.query("SELECT external_id FROM " + table + " WHERE store_id = ?", rs -> {
            ids.add(rs.getString(1));
        }, store.value());
        return ids;
    }
}
