package db.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The foreign keys of a table, for the migrations that drop one whose guarantee holds without it. */
final class ForeignKeys {

    private ForeignKeys() {}

    /**
     * The statements that drop every foreign key of {@code table} (in the current schema) referencing {@code parent},
     * found through the driver's metadata: the constraints of {@code V1} and {@code V50} were created without a name
     * for the store key, and H2 and PostgreSQL name them differently. On PostgreSQL that reads pg_catalog for one
     * table, where a query of information_schema's constraint views took tens of seconds once a database held a
     * hundred schemas (the tests').
     */
    static List<String> drops(Connection connection, String table, String parent) throws SQLException {
        DatabaseMetaData metadata = connection.getMetaData();
        String name = metadata.storesUpperCaseIdentifiers() ? table : table.toLowerCase(Locale.ROOT);
        Set<String> keys = new LinkedHashSet<>();
        try (ResultSet rs = metadata.getImportedKeys(connection.getCatalog(), connection.getSchema(), name)) {
            while (rs.next()) {
                if (rs.getString("PKTABLE_NAME").equalsIgnoreCase(parent)) {
                    keys.add(rs.getString("FK_NAME"));
                }
            }
        }
        List<String> drops = new ArrayList<>();
        for (String key : keys) {
            drops.add("ALTER TABLE " + quoted(name) + " DROP CONSTRAINT " + quoted(key));
        }
        return drops;
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
