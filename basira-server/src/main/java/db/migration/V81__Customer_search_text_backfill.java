package db.migration;

import io.basira.shared.SearchText;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code customers.search_text} (added by V80) for the customers stored before it existed, with the
 * core's {@link SearchText#ofCustomer}: the one folding the writers use, which SQL cannot repeat identically
 * on H2 and PostgreSQL. Reads by id in pages of {@value #PAGE} and writes in batches; rows that already have
 * a search text are left alone, so running it on a half-filled table finishes the job.
 */
public class V81__Customer_search_text_backfill extends BaseJavaMigration {

    static final int PAGE = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        long after = Long.MIN_VALUE;
        while (true) {
            long last = page(connection, after);
            if (last == after) {
                return;
            }
            after = last;
        }
    }

    /** Fills one page of rows after id {@code after}; the last id read, or {@code after} when none was left. */
    private static long page(Connection connection, long after) throws SQLException {
        long last = after;
        try (PreparedStatement read = connection.prepareStatement("SELECT id, external_id, first_name, last_name,"
                        + " email, phone FROM customers WHERE id > ? AND search_text IS NULL ORDER BY id LIMIT "
                        + PAGE);
                PreparedStatement write =
                        connection.prepareStatement("UPDATE customers SET search_text = ? WHERE id = ?")) {
            read.setLong(1, after);
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    last = rs.getLong("id");
                    write.setString(
                            1,
                            SearchText.ofCustomer(
                                    rs.getString("external_id"),
                                    rs.getString("first_name"),
                                    rs.getString("last_name"),
                                    rs.getString("email"),
                                    rs.getString("phone")));
                    write.setLong(2, last);
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
        return last;
    }
}
