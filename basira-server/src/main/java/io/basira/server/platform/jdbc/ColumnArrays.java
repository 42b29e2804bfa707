package io.basira.server.platform.jdbc;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Many rows in one PostgreSQL statement: each column's values bound as one array and turned back into rows by
 * {@code unnest(?::text[], ?::bigint[], …) AS alias(name, …)}, so that a bulk of 100 card or ledger rows is one
 * statement instead of a JDBC batch of 100 executions (each about 30 µs of the database's time). A column is declared
 * once with its name, its SQL type and how to read it from a row, so names, casts and bound arrays cannot drift
 * apart. Instants are bound as ISO-8601 text and cast to {@code timestamptz}. Immutable once declared; PostgreSQL only.
 *
 * @param <R> the row type
 */
public final class ColumnArrays<R> {

    private record Column<R>(String name, String cast, String element, Function<R, Object> value) {}

    private final List<Column<R>> columns = new ArrayList<>();

    private ColumnArrays() {}

    public static <R> ColumnArrays<R> of() {
        return new ColumnArrays<>();
    }

    public ColumnArrays<R> text(String name, Function<R, String> value) {
        return add(name, "text", "text", value::apply);
    }

    public ColumnArrays<R> integer(String name, Function<R, Integer> value) {
        return add(name, "int", "int4", value::apply);
    }

    public ColumnArrays<R> bigint(String name, Function<R, Long> value) {
        return add(name, "bigint", "int8", value::apply);
    }

    public ColumnArrays<R> numeric(String name, Function<R, BigDecimal> value) {
        return add(name, "numeric", "numeric", value::apply);
    }

    /** An instant column (null stays null), bound as text and cast to {@code timestamptz}. */
    public ColumnArrays<R> timestamptz(String name, Function<R, Instant> value) {
        return add(name, "timestamptz", "text", row -> {
            Instant at = value.apply(row);
            return at == null ? null : at.toString();
        });
    }

    private ColumnArrays<R> add(String name, String cast, String element, Function<R, Object> value) {
        columns.add(new Column<>(name, cast, element, value));
        return this;
    }

    /** {@code unnest(?::type[], …) AS alias(name, …)}: one parameter per column. */
    public String unnest(String alias) {
        return arrays() + " AS " + alias + "(" + names() + ")";
    }

    /** {@link #unnest} with the rows' 1-based position as the last column {@code ordinal}, to keep their order. */
    public String unnestWithOrdinality(String alias, String ordinal) {
        return arrays() + " WITH ORDINALITY AS " + alias + "(" + names() + ", " + ordinal + ")";
    }

    private String arrays() {
        return columns.stream().map(c -> "?::" + c.cast() + "[]").collect(Collectors.joining(", ", "unnest(", ")"));
    }

    private String names() {
        return columns.stream().map(Column::name).collect(Collectors.joining(", "));
    }

    /**
     * Binds each column's values over {@code rows}, in the columns' order, from parameter {@code first}.
     *
     * @return the index of the next parameter
     */
    public int bind(PreparedStatement ps, int first, List<R> rows) throws SQLException {
        int index = first;
        for (Column<R> column : columns) {
            Object[] values = new Object[rows.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = column.value().apply(rows.get(i));
            }
            ps.setArray(index++, ps.getConnection().createArrayOf(column.element(), values));
        }
        return index;
    }
}
