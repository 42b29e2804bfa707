package io.basira.server.platform.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Small conversions between JDBC and the core's types, the same on H2 and PostgreSQL. Public for the adapters of
 * other packages (loyalty); the rest of its helpers stay package-private.
 */
public final class Sql {

    /** The largest IN list sent in one statement. */
    public static final int IN_CHUNK = 500;

    private Sql() {}

    public static void setInstant(PreparedStatement ps, int index, Instant instant) throws SQLException {
        if (instant == null) {
            ps.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** An instant as a statement argument ({@code TIMESTAMP WITH TIME ZONE}, UTC); null stays null. */
    public static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /**
     * A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null stays null. Read through {@code getTimestamp}, whose
     * value is the instant whatever the JVM's zone on both databases (a timestamp with a zone has no local reading to
     * get wrong): PostgreSQL's driver decodes a binary row (every statement run five times or more, and
     * {@link #binaryRows}) about ten times faster that way than as an {@code OffsetDateTime} (1 M values: 25–50 ms
     * against 170–590 ms), a fifth of a bulk write's CPU in the timestamps of the cards and loyalty standings it reads.
     * A text row (a statement run once) decodes somewhat slower (300 against 120–250 ms).
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /** {@link #instant(ResultSet, String)} by the column's position. */
    public static Instant instant(ResultSet rs, int column) throws SQLException {
        java.sql.Timestamp value = rs.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    /**
     * A template for the whole-store reads of {@code dataSource}: 10,000 rows a fetch. Without a fetch size
     * PostgreSQL's driver holds every row of a result in memory before the first is read (it streams only inside a
     * transaction).
     */
    public static org.springframework.jdbc.core.JdbcTemplate streaming(javax.sql.DataSource dataSource) {
        org.springframework.jdbc.core.JdbcTemplate streaming =
                new org.springframework.jdbc.core.JdbcTemplate(dataSource);
        streaming.setFetchSize(10_000);
        return streaming;
    }

    /**
     * A statement of a whole-store read with its arguments, whose rows come in binary on PostgreSQL: a statement run
     * once is otherwise not prepared on the server and its rows come as text (parsing a loyalty rebuild's 1.6 million
     * timestamps from text was a fifth of its CPU). On H2 a plain prepared statement.
     */
    public static org.springframework.jdbc.core.PreparedStatementCreator binaryRows(String sql, Object... args) {
        return new BinaryRows(sql, args.clone());
    }

    /** {@link #binaryRows}: a statement creator that names its SQL (for Spring's error messages, and tests). */
    private record BinaryRows(String sql, Object[] args)
            implements org.springframework.jdbc.core.PreparedStatementCreator,
                    org.springframework.jdbc.core.SqlProvider {

        @Override
        public PreparedStatement createPreparedStatement(java.sql.Connection connection) throws SQLException {
            PreparedStatement ps = connection.prepareStatement(sql);
            if (ps.isWrapperFor(org.postgresql.PGStatement.class)) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1); // -1: prepared, rows in binary
            }
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps;
        }

        @Override
        public String getSql() {
            return sql;
        }
    }

    public static void setDate(PreparedStatement ps, int index, LocalDate date) throws SQLException {
        if (date == null) {
            ps.setNull(index, Types.DATE);
        } else {
            ps.setObject(index, date);
        }
    }

    public static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    public static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    public static void setInt(PreparedStatement ps, int index, Integer value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.INTEGER);
        } else {
            ps.setInt(index, value);
        }
    }

    public static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    public static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    public static String marks(int count) {
        return java.util.Collections.nCopies(count, "?").stream().collect(Collectors.joining(", "));
    }

    /**
     * Runs {@code select} (ending where the IN list belongs: {@code … WHERE store_id = ? AND
     * external_id IN}) for the store's {@code ids}, {@value #IN_CHUNK} at a time, then
     * {@code condition} (may be empty) after the list; every row goes to {@code rows}.
     */
    public static void queryByIds(
            org.springframework.jdbc.core.JdbcTemplate jdbc,
            String select,
            String condition,
            long store,
            Collection<String> ids,
            org.springframework.jdbc.core.RowCallbackHandler rows) {
        for (List<String> chunk : chunks(ids, IN_CHUNK)) {
            List<Object> args = new java.util.ArrayList<>(chunk.size() + 1);
            args.add(store);
            args.addAll(chunk);
            jdbc.query(select + " (" + marks(chunk.size()) + ")" + condition, rows, args.toArray());
        }
    }

    public static <T> List<List<T>> chunks(Collection<T> values, int size) {
        List<List<T>> result = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(size, values.size()));
        for (T value : values) {
            current.add(value);
            if (current.size() == size) {
                result.add(current);
                current = new ArrayList<>(size);
            }
        }
        if (!current.isEmpty()) {
            result.add(current);
        }
        return result;
    }
}
