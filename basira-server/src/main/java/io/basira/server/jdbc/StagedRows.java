package io.basira.server.jdbc;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Appends rows to one {@link StagedTable} on the transaction's connection: PostgreSQL's {@code COPY}
 * (the driver's CopyManager, text format) or, on H2, batched inserts. Rows are sent as they come;
 * nothing but the current batch is held. While it is open no other statement may run on the
 * connection (a {@code COPY} owns it): {@link #close} it first.
 *
 * <p>Values are {@code String}, {@code Long}, {@code Integer}, {@code java.math.BigDecimal},
 * {@code Instant}, {@code LocalDate} or {@code null}, in the order of {@link StagedTable#columns()}.
 */
public abstract sealed class StagedRows implements AutoCloseable {

    final StagedTable table;

    private StagedRows(StagedTable table) {
        this.table = table;
    }

    /** Opens the table for appending, in the transaction that {@code dataSource} has bound to this thread. */
    public static StagedRows open(DataSource dataSource, SqlDialect dialect, StagedTable table) {
        return dialect == SqlDialect.POSTGRESQL ? new Copy(dataSource, table) : new Batch(dataSource, table);
    }

    /** Appends one row: its position {@code seq} (unique in the table), then its values. */
    public abstract void add(long seq, Object... values);

    @Override
    public abstract void close();

    String insertColumns() {
        return "seq, " + String.join(", ", table.columns());
    }

    /** PostgreSQL: one {@code COPY … FROM STDIN} streamed in the text format. */
    private static final class Copy extends StagedRows {

        private static final int BUFFER = 1 << 16;

        private final DataSource dataSource;
        private final Connection connection;
        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);

        Copy(DataSource dataSource, StagedTable table) {
            super(table);
            this.dataSource = dataSource;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                PGCopyOutputStream copy = new PGCopyOutputStream(pg,
                        "COPY " + table.table() + " (" + insertColumns() + ") FROM STDIN", BUFFER);
                this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("cannot start COPY into " + table.table(), e);
            }
        }

        @Override
        public void add(long seq, Object... values) {
            line.setLength(0);
            line.append(seq);
            for (Object value : values) {
                line.append('\t');
                appendValue(value);
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into " + table.table() + " failed", e);
            }
        }

        /** The text format: {@code \N} for null, backslash escapes for the four characters that need them. */
        private void appendValue(Object value) {
            if (value == null) {
                line.append("\\N");
                return;
            }
            if (!(value instanceof String text)) {
                line.append(value);
                return;
            }
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> line.append("\\\\");
                    case '\t' -> line.append("\\t");
                    case '\n' -> line.append("\\n");
                    case '\r' -> line.append("\\r");
                    default -> line.append(c);
                }
            }
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into " + table.table() + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /** H2 (embedded, in the process): a prepared insert sent in batches. */
    private static final class Batch extends StagedRows {

        private static final int SIZE = 1_000;

        private final DataSource dataSource;
        private final Connection connection;
        private final PreparedStatement insert;
        private int pending;

        Batch(DataSource dataSource, StagedTable table) {
            super(table);
            this.dataSource = dataSource;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                this.insert = connection.prepareStatement("INSERT INTO " + table.table() + " (" + insertColumns()
                        + ") VALUES (" + String.join(", ", Collections.nCopies(table.columns().size() + 1, "?")) + ")");
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("cannot insert into " + table.table(), e);
            }
        }

        @Override
        public void add(long seq, Object... values) {
            try {
                insert.setLong(1, seq);
                for (int i = 0; i < values.length; i++) {
                    Object value = values[i];
                    if (value == null) {
                        insert.setNull(i + 2, Types.NULL);
                    } else if (value instanceof Instant instant) {
                        insert.setObject(i + 2, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                    } else {
                        insert.setObject(i + 2, value);
                    }
                }
                insert.addBatch();
                if (++pending == SIZE) {
                    flush();
                }
            } catch (SQLException e) {
                throw new IllegalStateException("insert into " + table.table() + " failed", e);
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                insert.executeBatch();
                pending = 0;
            }
        }

        @Override
        public void close() {
            try {
                flush();
                insert.close();
            } catch (SQLException e) {
                throw new IllegalStateException("insert into " + table.table() + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
