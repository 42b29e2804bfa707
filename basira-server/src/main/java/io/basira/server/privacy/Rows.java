package io.basira.server.privacy;

import java.sql.Clob;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * Rows as the export writes them: column names in lower case (H2 spells them in upper case), instants as
 * ISO-8601 text, dates as {@code yyyy-MM-dd}, large text read whole. The same on H2 and PostgreSQL.
 */
final class Rows {

    private Rows() {}

    /** The rows of {@code sql}, each a map in column order. */
    static List<Map<String, Object>> query(JdbcTemplate jdbc, String sql, Object... args) {
        return jdbc.query(sql, MAPPER, args);
    }

    static final RowMapper<Map<String, Object>> MAPPER = Rows::map;

    static Map<String, Object> map(ResultSet rs, int row) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), value(rs, i));
        }
        return values;
    }

    private static Object value(ResultSet rs, int column) throws SQLException {
        Object value = rs.getObject(column);
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        if (value instanceof Timestamp || value instanceof OffsetDateTime) {
            return rs.getObject(column, OffsetDateTime.class).toInstant().toString();
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        if (value instanceof String text) {
            return text.strip().equals(text) ? text : text.stripTrailing(); // CHAR columns are padded
        }
        return value;
    }

    /**
     * A condition on {@code column} that holds when its text contains any of {@code keys}, case-insensitively:
     * the cheap first pass before a payload is read as JSON ({@link Payloads#mentions}). Adds its arguments.
     */
    static String containsAny(String column, List<String> keys, List<Object> args) {
        List<String> parts = new ArrayList<>();
        for (String key : keys) {
            parts.add("LOWER(" + column + ") LIKE ? ESCAPE '!'");
            args.add("%"
                    + key.toLowerCase(Locale.ROOT)
                            .replace("!", "!!")
                            .replace("%", "!%")
                            .replace("_", "!_") + "%");
        }
        return parts.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", parts) + ")";
    }
}
