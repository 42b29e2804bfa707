package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Drops two foreign keys whose guarantee holds without them, each of which cost an import of 1 M orders as
 * much time as writing the rows (docs/performance.md, "Which key costs what"). PostgreSQL checks a foreign key
 * with one query and one row lock per inserted row; these two were 1.8 M and 1 M such checks in a first import.
 *
 * <ul>
 *   <li>{@code orders.store_id → stores}: redundant. {@code orders_customer_fk} ({@code store_id,
 *       customer_external_id → customers}, both columns {@code NOT NULL}) already requires a customer of that
 *       store, and {@code customers.store_id} references {@code stores}. Nothing is lost.
 *   <li>{@code order_lines_order_fk} ({@code store_id, order_external_id → orders}): every writer of
 *       {@code order_lines} checks that the line's order exists in the same store before it writes the line —
 *       the import (the reader's reference check against the store's orders and the folder's valid orders,
 *       docs/import.md "References") and every other way in ({@code IngestRecords}' check of the batch's line
 *       orders against the store) — and no order is ever deleted or renamed (erasure moves an order to a
 *       pseudonym and keeps its lines; docs/privacy.md). {@code StreamingImportContract.no_write_path_leaves_an_order_line_without_its_order} proves it
 *       after every write path, on H2 and PostgreSQL. The lines' primary key ({@code store_id,
 *       order_external_id, line_no}) stays: the reads of an order's lines use it.
 * </ul>
 *
 * The constraints of {@code V1} were created without a name for the store key, so the names are looked up
 * (H2 and PostgreSQL name them differently). Every other foreign key stays, those of the stores included.
 */
public class V270__Import_foreign_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> drops = new ArrayList<>();
        drops.addAll(ForeignKeys.drops(connection, "ORDERS", "STORES"));
        drops.addAll(ForeignKeys.drops(connection, "ORDER_LINES", "ORDERS"));
        try (Statement statement = connection.createStatement()) {
            for (String drop : drops) {
                statement.execute(drop);
            }
        }
    }
}
