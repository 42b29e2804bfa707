package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A kind held in tables keyed by {@code (store_id, customer_external_id)}: exported as the rows of each
 * table, erased by deleting them or, for records the store keeps for its accounts (orders, coupon uses),
 * by moving them to the erasure's pseudonym. The simplest way for a feature to register its tables.
 */
public final class TableKind implements CustomerDataKind {

    /** What an erasure does to the rows. */
    public enum OnErase {
        /** The rows go. */
        DELETE,
        /** The rows stay, their customer becomes the pseudonym (de-identified). */
        MOVE_TO_PSEUDONYM
    }

    private final String name;
    private final List<String> tables;
    private final OnErase onErase;
    private final JdbcTemplate jdbc;
    private final String customerColumn;
    private Retention retention;

    /**
     * @param tables each with {@code store_id} and {@code customer_external_id}; exported and erased in this order
     */
    public TableKind(String name, OnErase onErase, JdbcTemplate jdbc, String... tables) {
        this.name = name;
        this.tables = List.of(tables);
        this.onErase = onErase;
        this.jdbc = jdbc;
        this.customerColumn = "customer_external_id";
    }

    /** The same kind, pruned by {@code retention}. */
    public TableKind retained(Retention retention) {
        this.retention = retention;
        return this;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<String> tables() {
        return tables;
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (String table : tables) {
            List<Map<String, Object>> found = Rows.query(
                    jdbc,
                    "SELECT * FROM " + table + " WHERE store_id = ? AND " + customerColumn + " = ?",
                    store.id().value(),
                    person.customerId());
            if (tables.size() > 1) {
                found.forEach(row -> row.put("table", table));
            }
            found.forEach(row -> row.remove("store_id"));
            rows.addAll(found);
        }
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        int changed = 0;
        for (String table : tables) {
            changed += onErase == OnErase.DELETE
                    ? jdbc.update(
                            "DELETE FROM " + table + " WHERE store_id = ? AND " + customerColumn + " = ?",
                            erasure.store().id().value(),
                            erasure.customerId())
                    : jdbc.update(
                            "UPDATE " + table + " SET " + customerColumn + " = ? WHERE store_id = ? AND "
                                    + customerColumn + " = ?",
                            erasure.pseudonym(),
                            erasure.store().id().value(),
                            erasure.customerId());
        }
        return changed;
    }

    @Override
    public Optional<Retention> retention() {
        return Optional.ofNullable(retention);
    }
}
