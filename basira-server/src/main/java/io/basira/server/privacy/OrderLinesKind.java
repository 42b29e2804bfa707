package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lines of the customer's orders (kind {@code order_lines}). They name no person: an erasure keeps them
 * with their de-identified orders, so it changes nothing here (and counts 0).
 */
final class OrderLinesKind implements CustomerDataKind {

    private final JdbcTemplate jdbc;

    OrderLinesKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "order_lines";
    }

    @Override
    public List<String> tables() {
        return List.of("order_lines");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = Rows.query(
                jdbc,
                "SELECT l.* FROM order_lines l JOIN orders o ON o.store_id = "
                        + "l.store_id AND o.external_id = l.order_external_id WHERE o.store_id = ? AND o.customer_external_id = ? "
                        + "ORDER BY l.order_external_id, l.line_no",
                store.id().value(),
                person.customerId());
        rows.forEach(row -> row.remove("store_id"));
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        return 0;
    }
}
