package io.basira.server.platform.jdbc;

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
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;
import org.springframework.jdbc.datasource.DataSourceUtils;

/**
 * Appends rows to one {@link StagedTable} (or, by {@link #appending}, to any table) on the transaction's connection: PostgreSQL's {@code COPY}
 * (the driver's CopyManager, text format) or, on H2, batched inserts. Rows are sent as they come;
 * nothing but the current batch is held. While it is open no other statement may run on the
 * connection (a {@code COPY} owns it): {@link #close} it first.
 *
 * <p>Values are {@code String}, {@code Long}, {@code Integer}, {@code java.math.BigDecimal},
 * {@code Instant}, {@code LocalDate} or {@code null}, in the order of {@link StagedTable#columns()}.
 */
public abstract sealed class StagedRows implements AutoCloseable {

    /** The staged table, or null for a table opened by {@link #appending}. */
    public final StagedTable table;

    private final String name;
    private final List<String> columns;

    private StagedRows(StagedTable table, String name, List<String> columns) {
        this.table = table;
        this.name = name;
        this.columns = columns;
    }

    /** Opens the table for appending, in the transaction that {@code dataSource} has bound to this thread. */
    public static StagedRows open(DataSource dataSource, SqlDialect dialect, StagedTable table) {
        List<String> columns = new ArrayList<>();
        columns.add("seq");
        columns.addAll(table.columns());
        return dialect == SqlDialect.POSTGRESQL
                ? new Copy(dataSource, table, table.table(), columns)
                : new Batch(dataSource, table, table.table(), columns);
    }

    /**
     * {@link #open}, for a long stream of rows (an import's files): on PostgreSQL the rows are formatted and sent by
     * a thread of their own, so that the caller parses and validates the next rows while the last ones travel and
     * the server takes them in. Rows are handed over in blocks, at most {@value Piped#BLOCKS} blocks of
     * {@value Piped#ROWS} rows waiting; the values must not change after {@link #append}. A failure of the
     * {@code COPY} surfaces at the next {@link #append} or at {@link #close}. H2 batches as {@link #open} does.
     */
    public static StagedRows streaming(DataSource dataSource, SqlDialect dialect, StagedTable table) {
        StagedRows rows = open(dataSource, dialect, table);
        return rows instanceof Copy copy ? new Piped(copy) : rows;
    }

    /**
     * Opens any table for appending rows of {@code columns} (given whole to {@link #append}), in the
     * transaction that {@code dataSource} has bound to this thread: an append-only table written in bulk.
     */
    public static StagedRows appending(DataSource dataSource, SqlDialect dialect, String table, List<String> columns) {
        List<String> copy = List.copyOf(columns);
        return dialect == SqlDialect.POSTGRESQL
                ? new Copy(dataSource, null, table, copy)
                : new Batch(dataSource, null, table, copy);
    }

    /** Appends one row: its position {@code seq} (unique in the table), then its values. */
    public void add(long seq, Object... values) {
        Object[] row = new Object[values.length + 1];
        row[0] = seq;
        System.arraycopy(values, 0, row, 1, values.length);
        append(row);
    }

    /** Appends one row: a value for each column, in order. */
    public abstract void append(Object... values);

    @Override
    public abstract void close();

    /**
     * Gives up the rows appended so far, for a caller that fails part way (its transaction rolls back): a
     * {@code COPY} is cancelled rather than completed, a writer thread stopped, and the connection released, so
     * that the rollback can run on it. Never throws; what it could not undo goes with the rollback.
     */
    public abstract void abort();

    String insertColumns() {
        return String.join(", ", columns);
    }

    String name() {
        return name;
    }

    int width() {
        return columns.size();
    }

    /** PostgreSQL: one {@code COPY … FROM STDIN} streamed in the text format. */
    private static final class Copy extends StagedRows {

        private static final int BUFFER = 1 << 16;

        private final DataSource dataSource;
        private final Connection connection;
        private final PGCopyOutputStream copy;
        private final Writer out;
        private final StringBuilder line = new StringBuilder(256);

        Copy(DataSource dataSource, StagedTable table, String name, List<String> columns) {
            super(table, name, columns);
            this.dataSource = dataSource;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                PGConnection pg = connection.unwrap(PGConnection.class);
                this.copy =
                        new PGCopyOutputStream(pg, "COPY " + name() + " (" + insertColumns() + ") FROM STDIN", BUFFER);
                this.out = new BufferedWriter(new OutputStreamWriter(copy, StandardCharsets.UTF_8), BUFFER);
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("cannot start COPY into " + name(), e);
            }
        }

        @Override
        public void append(Object... values) {
            line.setLength(0);
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    line.append('\t');
                }
                appendValue(values[i]);
            }
            line.append('\n');
            try {
                out.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into " + name() + " failed", e);
            }
        }

        /** The text format: {@code \N} for null, backslash escapes for the four characters that need them. */
        private void appendValue(Object value) {
            if (value == null) {
                line.append("\\N");
                return;
            }
            if (value instanceof Long number) {
                line.append(number.longValue());
                return;
            }
            if (value instanceof Integer number) {
                line.append(number.intValue());
                return;
            }
            if (value instanceof Instant instant) {
                appendInstant(instant);
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

        /**
         * An instant as {@code YYYY-MM-DD HH:MM:SS[.fraction]+00}, written field by field ({@link Instant#toString}
         * goes through a formatter and was among the hottest frames of staging); years outside 1000–9999 as
         * {@link Instant#toString} writes them.
         */
        private void appendInstant(Instant instant) {
            LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
            int year = t.getYear();
            if (year < 1000 || year > 9999) {
                line.append(instant);
                return;
            }
            line.append(year).append('-');
            two(t.getMonthValue());
            line.append('-');
            two(t.getDayOfMonth());
            line.append(' ');
            two(t.getHour());
            line.append(':');
            two(t.getMinute());
            line.append(':');
            two(t.getSecond());
            int nanos = instant.getNano();
            if (nanos != 0) {
                line.append('.');
                String digits = Integer.toString(nanos + 1_000_000_000).substring(1);
                line.append(digits);
            }
            line.append("+00");
        }

        private void two(int value) {
            if (value < 10) {
                line.append('0');
            }
            line.append(value);
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("COPY into " + name() + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        /** Asks the server to cancel the running {@code COPY} (a request on a connection of its own). */
        void cancelOnServer() {
            try {
                connection.unwrap(PGConnection.class).cancelQuery();
            } catch (SQLException e) {
                // the connection is left to the rollback
            }
        }

        @Override
        public void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // the connection is left to the rollback, which fails loudly if it cannot be used
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }

    /**
     * A {@link Copy} fed through a writer thread. The {@code COPY} is opened and closed on the caller's thread (the
     * transaction's connection is bound to it); between the two only the writer thread uses the connection.
     */
    private static final class Piped extends StagedRows {

        static final int ROWS = 2_048;
        static final int BLOCKS = 8;
        private static final Object[][] END = new Object[0][];

        private final Copy copy;
        private final BlockingQueue<Object[][]> blocks = new ArrayBlockingQueue<>(BLOCKS);
        private final Thread writer;
        private volatile RuntimeException failure;
        private Object[][] block = new Object[ROWS][];
        private int filled;

        Piped(Copy copy) {
            super(copy.table, copy.name(), ((StagedRows) copy).columns);
            this.copy = copy;
            this.writer = new Thread(this::write, "copy-" + copy.name());
            this.writer.setDaemon(true);
            try {
                this.writer.start();
            } catch (RuntimeException | Error e) {
                copy.abort();
                throw e;
            }
        }

        /** The writer thread: sends every block until {@link #END}; after a failure it only drains the queue. */
        private void write() {
            try {
                while (true) {
                    Object[][] rows = blocks.take();
                    if (rows == END) {
                        return;
                    }
                    if (failure != null) {
                        continue;
                    }
                    try {
                        for (Object[] row : rows) {
                            if (row == null) {
                                break;
                            }
                            copy.append(row);
                        }
                    } catch (RuntimeException e) {
                        failure = e;
                    } catch (Error e) {
                        // the heap ran out here rather than in the reading thread: it must still hear of it
                        failure = new IllegalStateException("COPY into " + copy.name() + " failed: " + e, e);
                    }
                }
            } catch (InterruptedException e) {
                failure = new IllegalStateException("COPY into " + copy.name() + " interrupted", e);
            } catch (Error e) {
                failure = new IllegalStateException("COPY into " + copy.name() + " failed: " + e, e);
            }
        }

        @Override
        public void append(Object... values) {
            block[filled++] = values;
            if (filled == ROWS) {
                hand(block);
                block = new Object[ROWS][];
                filled = 0;
            }
        }

        /** How long {@link #hand} waits for room before it looks whether the writer still lives. */
        private static final long ROOM_WAIT_MS = 200;

        private void hand(Object[][] rows) {
            failed();
            try {
                while (!blocks.offer(rows, ROOM_WAIT_MS, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    failed();
                    if (!writer.isAlive()) {
                        throw new IllegalStateException("COPY into " + copy.name() + ": its writer thread stopped");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("COPY into " + copy.name() + " interrupted", e);
            }
        }

        private void failed() {
            RuntimeException e = failure;
            if (e != null) {
                throw e;
            }
        }

        @Override
        public void close() {
            try {
                if (filled > 0) {
                    hand(block);
                }
                hand(END);
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("COPY into " + copy.name() + " interrupted", e);
            } catch (RuntimeException e) {
                writer.interrupt();
                throw e;
            } finally {
                copy.close();
            }
            failed();
        }

        /** How long {@link #abort} waits for the writer thread to finish the block it is sending. */
        private static final long WRITER_STOPS_MS = 10_000;

        @Override
        public void abort() {
            try {
                if (failure == null) {
                    failure = new IllegalStateException("COPY into " + copy.name() + " abandoned");
                }
                blocks.clear();
                // the writer skips what it has not sent (failure is set) and stops at END; the queue was emptied
                if (!blocks.offer(END)) {
                    writer.interrupt();
                }
                writer.join(WRITER_STOPS_MS);
                if (writer.isAlive()) {
                    // stuck in a socket write, which an interrupt does not stop: the server cancels the COPY (on a
                    // connection of its own) and stops reading, which frees the write
                    copy.cancelOnServer();
                    writer.interrupt();
                    writer.join(WRITER_STOPS_MS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                // nothing more to undo here: the COPY is cancelled below, the rest goes with the rollback
            } finally {
                copy.abort();
            }
        }
    }

    /**
     * H2 (embedded, in the process): rows sent {@value #ROWS} at a time by one prepared insert of that many rows
     * (one statement's work — its start, its locks, its dependencies — for {@value #ROWS} rows rather than for
     * each; about 7% of the appending thread's CPU in a side-by-side of the browsing events), the last fewer than
     * {@value #ROWS} by a batch of one-row inserts. Nothing but those rows is held.
     */
    private static final class Batch extends StagedRows {

        static final int ROWS = 50;

        private final DataSource dataSource;
        private final Connection connection;
        private final PreparedStatement insert;
        private final Object[][] pending = new Object[ROWS][];
        private int held;

        Batch(DataSource dataSource, StagedTable table, String name, List<String> columns) {
            super(table, name, columns);
            this.dataSource = dataSource;
            this.connection = DataSourceUtils.getConnection(dataSource);
            try {
                this.insert = connection.prepareStatement(insert(ROWS));
            } catch (SQLException e) {
                DataSourceUtils.releaseConnection(connection, dataSource);
                throw new IllegalStateException("cannot insert into " + name(), e);
            }
        }

        private String insert(int rows) {
            String row = "(" + String.join(", ", Collections.nCopies(width(), "?")) + ")";
            return "INSERT INTO " + name() + " (" + insertColumns() + ") VALUES "
                    + String.join(", ", Collections.nCopies(rows, row));
        }

        @Override
        public void append(Object... values) {
            if (values.length != width()) {
                throw new IllegalArgumentException(
                        name() + " takes " + width() + " values a row, not " + values.length);
            }
            pending[held++] = values.clone();
            if (held == ROWS) {
                try {
                    set(insert, 0);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    throw new IllegalStateException("insert into " + name() + " failed", e);
                } finally {
                    release();
                }
            }
        }

        /** Sets the parameters of the held rows, in order, from the statement's first. */
        private void set(PreparedStatement statement, int first) throws SQLException {
            for (int r = 0; r < held; r++) {
                setRow(statement, (first + r) * width(), pending[r]);
            }
        }

        private static void setRow(PreparedStatement statement, int offset, Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object value = values[i];
                if (value == null) {
                    statement.setNull(offset + i + 1, Types.NULL);
                } else if (value instanceof Instant instant) {
                    statement.setObject(offset + i + 1, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    statement.setObject(offset + i + 1, value);
                }
            }
        }

        private void release() {
            Arrays.fill(pending, 0, held, null);
            held = 0;
        }

        /** The rows held (fewer than {@value #ROWS}): one batch of one-row inserts. */
        private void flush() throws SQLException {
            if (held == 0) {
                return;
            }
            try (PreparedStatement single = connection.prepareStatement(insert(1))) {
                for (int r = 0; r < held; r++) {
                    setRow(single, 0, pending[r]);
                    single.addBatch();
                }
                single.executeBatch();
            } finally {
                release();
            }
        }

        @Override
        public void abort() {
            release();
            try {
                insert.close();
            } catch (SQLException e) {
                // the statement goes with the connection's rollback
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }

        @Override
        public void close() {
            try {
                flush();
                insert.close();
            } catch (SQLException e) {
                throw new IllegalStateException("insert into " + name() + " failed", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
        }
    }
}
