package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer's own row: attributes and card (kind {@code customer}). Erased last, once every row that
 * references it moved or went; the webhook versions kept for the customer's record go with it.
 */
final class CustomerRecordKind implements CustomerDataKind {

    private final JdbcTemplate jdbc;

    CustomerRecordKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "customer";
    }

    @Override
    public List<String> tables() {
        return List.of("customers", "source_record_versions");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = Rows.query(
                jdbc,
                "SELECT * FROM customers WHERE store_id = ? AND external_id = ?",
                store.id().value(),
                person.customerId());
        rows.forEach(row -> {
            row.remove("store_id");
            row.remove("erased_at");
        });
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        long store = erasure.store().id().value();
        jdbc.update(
                "DELETE FROM source_record_versions WHERE store_id = ? AND record_key = ?",
                store,
                "customer:" + erasure.customerId());
        return jdbc.update("DELETE FROM customers WHERE store_id = ? AND external_id = ?", store, erasure.customerId());
    }

    @Override
    public int eraseOrder() {
        return LAST;
    }
}
