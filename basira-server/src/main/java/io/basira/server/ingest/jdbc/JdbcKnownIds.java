package io.basira.server.ingest.jdbc;

import io.basira.ingest.RecordOwners;
import io.basira.shared.StoreId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Loads all external ids of a store's customers, orders or carts, for the referential checks of a whole-file import. */
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

    public Set<String> carts(StoreId store) {
        return ids("carts", store);
    }

    /**
     * Whom each cart and review of the store belongs to now (one scan of each table): for an
     * import, read inside its transaction once it holds the store. (Orders are read by key, a
     * chunk at a time, by the import's writes.)
     */
    public RecordOwners owners(StoreId store) {
        return new RecordOwners(ids("orders", store), owners("carts", store), owners("reviews", store));
    }

    private Map<String, String> owners(String table, StoreId store) {
        Map<String, String> owners = new HashMap<>();
        Map<String, String> customers = new HashMap<>();
        jdbc.query(
                "SELECT external_id, customer_external_id FROM " + table
                        + " WHERE store_id = ? AND customer_external_id IS NOT NULL",
                rs -> {
                    String customer = rs.getString(2);
                    owners.put(rs.getString(1), customers.computeIfAbsent(customer, same -> same));
                },
                store.value());
        return owners;
    }

    private Set<String> ids(String table, StoreId store) {
        Set<String> ids = new HashSet<>();
        jdbc.query(
                "SELECT external_id FROM " + table + " WHERE store_id = ?",
                rs -> {
                    ids.add(rs.getString(1));
                },
                store.value());
        return ids;
    }
}
