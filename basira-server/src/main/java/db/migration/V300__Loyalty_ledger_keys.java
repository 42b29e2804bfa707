package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Two of the ledger's keys cost an earning write about as much as the entries themselves, and their guarantees
 * hold without them (docs/loyalty.md, "What a write costs"):
 *
 * <ul>
 *   <li>{@code loyalty_ledger.store_id → stores} (both databases): redundant. Every entry is appended by
 *       {@code LedgerBook.commit}, which refuses an entry of a customer whose account the transaction has not
 *       locked, and locking an account creates it when missing; {@code loyalty_accounts.store_id} references
 *       {@code stores}, and no store is ever deleted. PostgreSQL checked it with a query and a row lock per entry.
 *       {@code LedgerBookTest} shows the refusal; {@code LoyaltyApiContract} checks that every entry has its account after
 *       every way points change (erasure included, which moves an account and its ledger holding the account's lock).
 *   <li>{@code loyalty_ledger_once} (PostgreSQL): the natural key of the entries that are not of an order
 *       ({@code store_id, customer_external_id, once_key}) becomes a unique index of those entries only
 *       ({@code WHERE once_key IS NOT NULL}). An order's entries have no {@code once_key} (NULL never equals NULL,
 *       so they were never checked by it), yet each was inserted into its index. H2 has no partial index and keeps
 *       the constraint: the same refusals either way.
 * </ul>
 */
public class V300__Loyalty_ledger_keys extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres =
                "PostgreSQL".equalsIgnoreCase(connection.getMetaData().getDatabaseProductName());
        try (Statement statement = connection.createStatement()) {
            for (String drop : ForeignKeys.drops(connection, "LOYALTY_LEDGER", "STORES")) {
                statement.execute(drop);
            }
            if (postgres) {
                statement.execute("ALTER TABLE loyalty_ledger DROP CONSTRAINT loyalty_ledger_once");
                statement.execute("CREATE UNIQUE INDEX loyalty_ledger_once ON loyalty_ledger"
                        + " (store_id, customer_external_id, once_key) WHERE once_key IS NOT NULL");
            }
        }
    }
}
