package io.basira.server.support;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/** The tables a table's foreign keys reference, read from the driver's metadata (H2 and PostgreSQL alike). */
public final class ForeignKeysOf {

    private ForeignKeysOf() {}

    /** The parents of {@code table}'s foreign keys in the current schema, lower case. */
    public static SortedSet<String> referencedTables(JdbcTemplate jdbc, String table) {
        return jdbc.execute((Connection connection) -> {
            DatabaseMetaData meta = connection.getMetaData();
            SortedSet<String> parents = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(
                    connection.getCatalog(),
                    connection.getSchema(),
                    meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table)) {
                while (keys.next()) {
                    parents.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            return parents;
        });
    }
}
