package db.migration;

import io.basira.browsing.VisitorHash;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Indexes the browsing events by a 64-bit hash of the visitor ({@link VisitorHash}) instead of the visitor id
 * (docs/browsing.md, "The H2 writer"): {@code browsing_events} and {@code browsing_visitors} get
 * {@code visitor_hash}, filled here for the rows stored before (the hash is computed in Java, as the writer
 * does: H2 and PostgreSQL have no common SQL function for it), and {@code browsing_events_visitor} (store,
 * visitor id, time) is replaced by {@code browsing_events_visitor_hash} (store, hash). Every read of a visitor's
 * events finds them by the hash and then compares the visitor id, so two ids with one hash never mix.
 * Rows are filled per distinct visitor, {@value #BATCH} updates at a time; running it again on a half-filled
 * table fills what is left.
 */
public class V280__Browsing_visitor_hash extends BaseJavaMigration {

    static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE browsing_events ADD COLUMN visitor_hash BIGINT");
            statement.execute("ALTER TABLE browsing_visitors ADD COLUMN visitor_hash BIGINT");
        }
        fill(connection, "browsing_visitors");
        fill(connection, "browsing_events");
        try (Statement statement = connection.createStatement()) {
            statement.execute("ALTER TABLE browsing_events ALTER COLUMN visitor_hash SET NOT NULL");
            statement.execute("ALTER TABLE browsing_visitors ALTER COLUMN visitor_hash SET NOT NULL");
            statement.execute("CREATE INDEX browsing_events_visitor_hash ON browsing_events (store_id, visitor_hash)");
            statement.execute("DROP INDEX browsing_events_visitor");
        }
    }

    /** Sets the hash of every distinct (store, visitor) of {@code table} that has none yet. */
    private static void fill(Connection connection, String table) throws SQLException {
        try (PreparedStatement read = connection.prepareStatement(
                        "SELECT DISTINCT store_id, visitor_id FROM " + table + " WHERE visitor_hash IS NULL");
                PreparedStatement write = connection.prepareStatement("UPDATE " + table
                        + " SET visitor_hash = ? WHERE store_id = ? AND visitor_id = ? AND visitor_hash IS NULL")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setLong(1, VisitorHash.of(rs.getString(2)));
                    write.setLong(2, rs.getLong(1));
                    write.setString(3, rs.getString(2));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }
}
