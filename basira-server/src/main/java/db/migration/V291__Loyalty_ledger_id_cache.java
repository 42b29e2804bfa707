package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2 only: the ledger's ids are handed out 1,000 at a time instead of 32 (docs/loyalty.md, "What a write costs").
 * H2 writes an identity's next value to disk each time its cache runs out, and that write commits the whole store
 * ({@code Sequence.flush} → {@code MVStore.commit}): with 32, three or four times per bulk of 100 new orders, two
 * thirds of the CPU of appending the ledger's entries in a profile. H2 hands the values out in order whatever the
 * cache (one process holds the database), so the ledger's order by id is its append order still; a crash only
 * skips the values not yet used. PostgreSQL keeps its cache of 1: a larger one is per session there, and ids would
 * no longer follow the order entries were appended in.
 */
public class V291__Loyalty_ledger_id_cache extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (!"H2".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName())) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE loyalty_ledger ALTER COLUMN id SET CACHE 1000");
        }
    }
}
