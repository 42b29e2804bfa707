package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The lines of the customer's carts (kind {@code cart_lines}): exported with them, deleted with them (the carts
 * kind deletes the carts; their lines go first here, and the schema cascades for a cart deleted any other way).
 */
final class CartLinesKind implements CustomerDataKind {

    private static final String OF_CUSTOMER =
            " FROM cart_lines l WHERE l.store_id = ? AND EXISTS (SELECT 1 FROM carts k "
                    + "WHERE k.store_id = l.store_id AND k.external_id = l.cart_external_id AND k.customer_external_id = ?)";

    private final JdbcTemplate jdbc;

    CartLinesKind(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String name() {
        return "cart_lines";
    }

    @Override
    public List<String> tables() {
        return List.of("cart_lines");
    }

    @Override
    public List<Map<String, Object>> export(Store store, Person person) {
        List<Map<String, Object>> rows = Rows.query(
                jdbc,
                "SELECT l.*" + OF_CUSTOMER + " ORDER BY l.cart_external_id, l.line_no",
                store.id().value(),
                person.customerId());
        rows.forEach(row -> row.remove("store_id"));
        return rows;
    }

    @Override
    public int erase(Erasure erasure) {
        return jdbc.update("DELETE" + OF_CUSTOMER, erasure.store().id().value(), erasure.customerId());
    }
}
