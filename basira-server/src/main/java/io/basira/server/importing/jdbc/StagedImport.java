package io.basira.server.importing.jdbc;

import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.OrderChange;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.jdbc.StagedRows;
import io.basira.server.platform.jdbc.StagedTable;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One import's records on their way into a store, set-wise: streamed into temporary tables
 * ({@link StagedTable}, PostgreSQL {@code COPY} or H2 batches), then upserted into the store's tables
 * with one statement per table. Everything runs in the caller's transaction, which must hold the
 * store exclusively; the temporary tables go with it (commit or rollback).
 *
 * <p>Semantics are those of the per-record write path: the last version of a record read twice wins;
 * the lines given for an order (a cart) replace its stored lines (numbered 1, 2, … in reading order); an
 * existing customer keeps its card columns (the caller folds the cards afterwards); the customers whose
 * cards the import may change are those it names and those its orders, carts and reviews belonged to
 * before ({@link #touchedTable()}).
 *
 * <p>Use: {@link #begin}, {@link #add} rows table by table (one table open at a time, closed by
 * {@link #endTable} or the next table), then {@link #apply}, then {@link #orderChanges} and
 * {@link #customersWritten}. Not thread-safe.
 */
public final class StagedImport {

    /** The temporary table of the customers whose cards the import may change. */
    private static final String TOUCHED = "import_touched";
    /** The stored versions of the import's orders before it applied them. */
    private static final String BEFORE = "import_orders_before";

    private static final String LINE_ORDERS = "import_line_orders";
    private static final String LINE_CARTS = "import_line_carts";
    private static final String ORDER_COLUMNS = "external_id, customer_external_id, created_at, status, total_minor, "
            + "discount_minor, coupon_code, payment_method, shipping_method";

    private final DataSource dataSource;
    private final SqlDialect dialect;
    private final JdbcTemplate jdbc;
    private final Set<StagedTable> used = EnumSet.noneOf(StagedTable.class);
    private StagedRows open;
    private long seq;
    /** Set by {@link #apply}: the store had no customers and no carts (nothing the import's rows can meet). */
    private boolean fresh;
    /** Set by {@link #apply}: the store had orders, so the import's orders may have stored versions. */
    private boolean ordersBefore;

    private StagedImport(DataSource dataSource, SqlDialect dialect) {
        this.dataSource = dataSource;
        this.dialect = dialect;
        this.jdbc = new JdbcTemplate(dataSource);
        this.jdbc.setFetchSize(5_000);
    }

    /** Creates the temporary tables in the current transaction. */
    /**
     * A store's table that took at least this many rows is analysed after the import's writes (PostgreSQL): its
     * statistics still describe the table before the import until autovacuum comes round, and the statements that
     * follow (the card fold, the analytics' order columns, the start's warm-up) were planned for an empty table —
     * a nested loop over 1.8 M order lines took the analytics' read of 1 M orders from under a second to 142 s.
     */
    private static final long ANALYZE_AFTER = 10_000;

    private final java.util.Map<StagedTable, Long> rowsStaged = new java.util.EnumMap<>(StagedTable.class);
    /**
     * Per keyed table, whether its staged keys were all different (the common case: a first import, an export
     * read back). Such a table needs no {@code _latest} table (each record's one version is its last): the
     * GROUP BY that fills it and the join back to the staged rows are skipped, and the staged table itself
     * serves as the list of the import's records.
     */
    private final java.util.Map<StagedTable, DistinctKeys> distinct = new java.util.EnumMap<>(StagedTable.class);

    public static StagedImport begin(DataSource dataSource, SqlDialect dialect) {
        StagedImport staged = new StagedImport(dataSource, dialect);
        staged.create();
        return staged;
    }

    private void create() {
        if (dialect == SqlDialect.POSTGRESQL) {
            // sorts and hashes of a large import stay in memory (the server's, for this transaction only)
            jdbc.execute("SET LOCAL work_mem = '256MB'");
        }
        for (StagedTable table : EnumSet.range(StagedTable.PRODUCTS, StagedTable.WISHLIST)) {
            jdbc.execute(table.createSql(dialect));
            if (!table.keys().isEmpty()) {
                jdbc.execute(table.createLatestSql(dialect));
            }
        }
        jdbc.execute(StagedTable.temporary(dialect, TOUCHED, "customer_external_id VARCHAR PRIMARY KEY"));
        jdbc.execute(StagedTable.temporary(dialect, LINE_ORDERS, "order_external_id VARCHAR PRIMARY KEY"));
        jdbc.execute(StagedTable.temporary(dialect, LINE_CARTS, "cart_external_id VARCHAR PRIMARY KEY"));
        jdbc.execute(StagedTable.temporary(
                dialect,
                BEFORE,
                "external_id VARCHAR PRIMARY KEY, "
                        + "customer_external_id VARCHAR, created_at TIMESTAMP WITH TIME ZONE, status VARCHAR, "
                        + "total_minor BIGINT, discount_minor BIGINT, coupon_code VARCHAR, payment_method VARCHAR, "
                        + "shipping_method VARCHAR"));
    }

    /** Appends a record to {@code table} (values in the order of {@link StagedTable#columns()}). */
    public void add(StagedTable table, Object... values) {
        if (open == null || open.table != table) {
            endTable();
            open = StagedRows.streaming(dataSource, dialect, table);
            used.add(table);
        }
        open.add(++seq, values);
        rowsStaged.merge(table, 1L, Long::sum);
        int keys = table.keys().size();
        if (keys == 1) {
            distinct.computeIfAbsent(table, t -> new DistinctKeys()).add(values[0]);
        } else if (keys == 2) {
            distinct.computeIfAbsent(table, t -> new DistinctKeys()).add(values[0], values[1]);
        }
    }

    /** Ends the table being filled, if any: the connection is free for other statements again. */
    public void endTable() {
        if (open != null) {
            StagedRows closing = open;
            open = null;
            DistinctKeys keys = distinct.get(closing.table);
            if (keys != null) {
                // only the answer is needed from here: the keys of a 10 M-order file are some 256 MB
                keys.seal();
            }
            closing.close();
        }
    }

    /**
     * Gives up the table being filled, if any, for an import that fails part way: its {@code COPY} is cancelled
     * and the connection freed for the transaction's rollback (an open {@code COPY} would hold the connection, and
     * the rollback would wait on it for ever). Never throws.
     */
    public void abandon() {
        if (open != null) {
            StagedRows abandoned = open;
            open = null;
            abandoned.abort();
        }
    }

    /**
     * The temporary table listing every customer whose card the import may change (filled by {@link #apply}
     * unless {@link #touchedWholeStore}).
     */
    public static String touchedTable() {
        return TOUCHED;
    }

    /**
     * Whether the import may have changed every card of the store (known after {@link #apply}): the store had no
     * customers and no carts before it, so every customer it has now is one the import wrote. {@link #touchedTable}
     * is then left empty: the caller folds the whole store, which is the same set of customers without the list.
     */
    public boolean touchedWholeStore() {
        return fresh;
    }

    /**
     * Upserts every staged record into the store's tables, after noting the stored versions of its
     * orders and the earlier owners of its orders, carts and reviews. On PostgreSQL the customer and store keys of
     * those writes are checked once for the import where {@link SetWiseKeys#usable} (a missing customer throws
     * {@link IllegalStateException}: the caller's transaction must roll back).
     */
    public void apply(Store store) {
        endTable();
        long id = store.id().value();
        fresh = !hasRows("customers", id) && !hasRows("carts", id);
        for (StagedTable table : used) {
            // a fresh store's staged tables are only scanned whole (no join with the store's tables): PostgreSQL
            // plans those without statistics just as well
            if (!fresh || !keysDistinct(table)) {
                analyze(table.table());
            }
            if (!table.keys().isEmpty() && !keysDistinct(table)) {
                String keys = String.join(", ", table.keys());
                jdbc.update("INSERT INTO " + table.latestTable() + " (" + keys + ", seq) SELECT " + keys
                        + ", MAX(seq) FROM " + table.table() + " GROUP BY " + keys);
                analyze(table.latestTable());
            }
        }
        // a store without orders (a first import) has no stored versions and no earlier owners to look up
        ordersBefore = used.contains(StagedTable.ORDERS) && hasRows("orders", id);
        if (ordersBefore) {
            jdbc.update(
                    "INSERT INTO " + BEFORE + " (" + ORDER_COLUMNS + ") SELECT " + prefixed("o", ORDER_COLUMNS)
                            + " FROM " + latest(StagedTable.ORDERS) + " k JOIN orders o ON o.store_id = ? "
                            + "AND o.external_id = k.external_id",
                    id);
        }
        if (!fresh) {
            noteTouched(id);
            analyze(TOUCHED);
        }
        upsert(StagedTable.PRODUCTS, id);
        // the customers' and their records' foreign keys checked once, set-wise, instead of per row (SetWiseKeys)
        boolean setWise = dialect == SqlDialect.POSTGRESQL && SetWiseKeys.usable(jdbc);
        if (setWise) {
            SetWiseKeys.triggers(jdbc, true);
        }
        upsert(StagedTable.CUSTOMERS, id);
        if (setWise) {
            SetWiseKeys.checkAndLock(jdbc, id, customerReferences());
        }
        upsert(StagedTable.ORDERS, id);
        replaceLines(id);
        upsert(StagedTable.CARTS, id);
        for (StagedTable table : List.of(StagedTable.REVIEWS, StagedTable.WISHLIST)) {
            upsert(table, id);
        }
        if (setWise) {
            SetWiseKeys.triggers(jdbc, false);
        }
        replaceCartLines(id);
        for (StagedTable table : used) {
            if (rowsStaged.getOrDefault(table, 0L) >= ANALYZE_AFTER) {
                analyze(table.target());
            }
        }
    }

    /**
     * A query of every customer id the staged orders, carts, reviews and wishlist items name, once each (earlier
     * versions of a record included: the read pass checked each of them too); none when nothing is staged there.
     */
    private String customerReferences() {
        List<String> sources = new ArrayList<>();
        for (StagedTable table :
                List.of(StagedTable.ORDERS, StagedTable.CARTS, StagedTable.REVIEWS, StagedTable.WISHLIST)) {
            if (used.contains(table)) {
                sources.add("SELECT customer_external_id FROM " + table.table()
                        + " WHERE customer_external_id IS NOT NULL");
            }
        }
        return sources.isEmpty() ? "SELECT CAST(NULL AS VARCHAR) WHERE 1 = 0" : String.join(" UNION ", sources);
    }

    /** Whether every staged record of a keyed table has a key of its own (no version to choose between). */
    private boolean keysDistinct(StagedTable table) {
        DistinctKeys keys = distinct.get(table);
        return keys == null || keys.allDistinct();
    }

    /**
     * The table with one row per record of {@code table} and the {@code seq} of its last version: the staged
     * table itself when no key repeats, its {@code _latest} table otherwise.
     */
    private String latest(StagedTable table) {
        return keysDistinct(table) ? table.table() : table.latestTable();
    }

    /** PostgreSQL plans the statements that follow with the temporary table's real size. */
    private void analyze(String table) {
        if (dialect == SqlDialect.POSTGRESQL) {
            jdbc.execute("ANALYZE " + table);
        }
    }

    private void noteTouched(long id) {
        List<String> sources = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (used.contains(StagedTable.CUSTOMERS)) {
            sources.add("SELECT external_id FROM " + latest(StagedTable.CUSTOMERS));
        }
        if (used.contains(StagedTable.ORDERS)) {
            sources.add("SELECT customer_external_id FROM " + StagedTable.ORDERS.table());
            sources.add("SELECT customer_external_id FROM " + BEFORE);
        }
        if (used.contains(StagedTable.CARTS)) {
            sources.add("SELECT customer_external_id FROM " + StagedTable.CARTS.table()
                    + " WHERE customer_external_id IS NOT NULL");
            if (hasRows("carts", id)) {
                sources.add(
                        "SELECT c.customer_external_id FROM " + latest(StagedTable.CARTS) + " k JOIN carts c "
                                + "ON c.store_id = ? AND c.external_id = k.external_id WHERE c.customer_external_id IS NOT NULL");
                args.add(id);
            }
        }
        if (used.contains(StagedTable.REVIEWS)) {
            sources.add("SELECT customer_external_id FROM " + StagedTable.REVIEWS.table());
            if (hasRows("reviews", id)) {
                sources.add("SELECT r.customer_external_id FROM " + latest(StagedTable.REVIEWS) + " k JOIN reviews r "
                        + "ON r.store_id = ? AND r.external_id = k.external_id");
                args.add(id);
            }
        }
        if (used.contains(StagedTable.WISHLIST)) {
            sources.add("SELECT customer_external_id FROM " + StagedTable.WISHLIST.table());
        }
        if (!sources.isEmpty()) {
            jdbc.update(
                    "INSERT INTO " + TOUCHED + " (customer_external_id) " + String.join(" UNION ", sources),
                    args.toArray());
        }
    }

    /**
     * One statement: the last version of each staged record into the store's table — a plain insert
     * when the store has no row there yet (nothing can conflict), an upsert otherwise. PostgreSQL
     * inserts in key order, so the primary key's index grows at its end.
     */
    private void upsert(StagedTable table, long id) {
        if (!used.contains(table)) {
            return;
        }
        String columns = String.join(", ", table.columns());
        String keys = String.join(", ", table.keys());
        String from = keysDistinct(table)
                ? table.table() + " s"
                : table.latestTable() + " k JOIN " + table.table() + " s ON s.seq = k.seq";
        String select = "SELECT CAST(? AS BIGINT), " + prefixed("s", columns) + " FROM " + from
                + (dialect == SqlDialect.POSTGRESQL ? " ORDER BY " + prefixed("s", keys) : "");
        String insert = " INTO " + table.target() + " (store_id, " + columns + ") ";
        String sql;
        if (!hasRows(table.target(), id)) {
            sql = "INSERT" + insert + select;
        } else if (dialect == SqlDialect.H2) {
            sql = "MERGE" + insert + "KEY (store_id, " + keys + ") " + select;
        } else {
            String updates = table.columns().stream()
                    .filter(c -> !table.keys().contains(c))
                    .map(c -> c + " = EXCLUDED." + c)
                    .collect(Collectors.joining(", "));
            sql = "INSERT" + insert + select + " ON CONFLICT (store_id, " + keys + ") DO "
                    + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
        }
        jdbc.update(sql, id);
    }

    private boolean hasRows(String table, long id) {
        return !jdbc.queryForList("SELECT 1 FROM " + table + " WHERE store_id = ? FETCH FIRST 1 ROWS ONLY", id)
                .isEmpty();
    }

    /** The lines given for an order replace its stored lines, numbered in reading order. */
    private void replaceLines(long id) {
        if (!used.contains(StagedTable.ORDER_LINES)) {
            return;
        }
        String staged = StagedTable.ORDER_LINES.table();
        if (hasRows("order_lines", id)) {
            jdbc.update("INSERT INTO " + LINE_ORDERS + " (order_external_id) SELECT DISTINCT order_external_id FROM "
                    + staged);
            analyze(LINE_ORDERS);
            jdbc.update(
                    "DELETE FROM order_lines l WHERE l.store_id = ? AND EXISTS (SELECT 1 FROM " + LINE_ORDERS
                            + " i WHERE i.order_external_id = l.order_external_id)",
                    id);
        }
        // H2 holds a window function's whole input in memory; a count over the staged key streams
        String lineNo = dialect == SqlDialect.POSTGRESQL
                ? "ROW_NUMBER() OVER (PARTITION BY order_external_id ORDER BY seq)"
                : "(SELECT COUNT(*) FROM " + staged
                        + " p WHERE p.order_external_id = s.order_external_id AND p.seq <= s.seq)";
        jdbc.update(
                "INSERT INTO order_lines (store_id, order_external_id, line_no, product_external_id, quantity, "
                        + "unit_price_minor, unit_price_exact) SELECT CAST(? AS BIGINT), s.order_external_id, " + lineNo
                        + ", s.product_external_id, s.quantity, s.unit_price_minor, s.unit_price_exact FROM " + staged
                        + " s",
                id);
    }

    /**
     * The lines given for a cart ({@code cart_items.csv}) replace its stored lines, numbered in reading order, as
     * a cart that arrives with items through the API does; a cart given without lines keeps its stored ones.
     */
    private void replaceCartLines(long id) {
        if (!used.contains(StagedTable.CART_LINES)) {
            return;
        }
        String staged = StagedTable.CART_LINES.table();
        if (hasRows("cart_lines", id)) {
            jdbc.update("INSERT INTO " + LINE_CARTS + " (cart_external_id) SELECT DISTINCT cart_external_id FROM "
                    + staged);
            analyze(LINE_CARTS);
            jdbc.update(
                    "DELETE FROM cart_lines l WHERE l.store_id = ? AND EXISTS (SELECT 1 FROM " + LINE_CARTS
                            + " i WHERE i.cart_external_id = l.cart_external_id)",
                    id);
        }
        String lineNo = dialect == SqlDialect.POSTGRESQL
                ? "ROW_NUMBER() OVER (PARTITION BY cart_external_id ORDER BY seq)"
                : "(SELECT COUNT(*) FROM " + staged
                        + " p WHERE p.cart_external_id = s.cart_external_id AND p.seq <= s.seq)";
        jdbc.update(
                "INSERT INTO cart_lines (store_id, cart_external_id, line_no, product_external_id, name, quantity, "
                        + "unit_price, url) SELECT CAST(? AS BIGINT), s.cart_external_id, " + lineNo
                        + ", s.product_external_id, s.name, s.quantity, s.unit_price, s.url FROM " + staged + " s",
                id);
    }

    /**
     * Each order the import wrote, once, with its stored version before the import ({@code null}
     * when new) and now, in chunks of at most {@code chunk}, in reading order of its last version.
     */
    public void orderChanges(Store store, int chunk, Consumer<List<OrderChange>> changes) {
        if (!used.contains(StagedTable.ORDERS)) {
            return;
        }
        List<OrderChange> batch = new ArrayList<>(chunk);
        // without stored orders, every order is new and was inserted exactly as staged: its last staged
        // version is its row, read without the join to the store's million orders
        String sql = ordersBefore
                ? "SELECT " + prefixed("o", ORDER_COLUMNS) + ", " + prefixed("b", ORDER_COLUMNS) + " FROM "
                        + latest(StagedTable.ORDERS)
                        + " k JOIN orders o ON o.store_id = ? AND o.external_id = k.external_id"
                        + " LEFT JOIN " + BEFORE + " b ON b.external_id = k.external_id ORDER BY k.seq"
                : "SELECT " + prefixed("o", ORDER_COLUMNS) + " FROM "
                        + (keysDistinct(StagedTable.ORDERS)
                                ? StagedTable.ORDERS.table() + " o ORDER BY o.seq"
                                : StagedTable.ORDERS.latestTable() + " k JOIN " + StagedTable.ORDERS.table()
                                        + " o ON o.seq = k.seq ORDER BY k.seq");
        Object[] args = ordersBefore ? new Object[] {store.id().value()} : new Object[0];
        jdbc.query(
                sql,
                rs -> {
                    Order before = !ordersBefore || rs.getString(10) == null ? null : order(rs, 10, store);
                    batch.add(new OrderChange(before, order(rs, 1, store)));
                    if (batch.size() == chunk) {
                        changes.accept(List.copyOf(batch));
                        batch.clear();
                    }
                },
                args);
        if (!batch.isEmpty()) {
            changes.accept(List.copyOf(batch));
        }
    }

    /** The ids of the customer records the import wrote, in chunks of at most {@code chunk}. */
    public void customersWritten(int chunk, Consumer<List<String>> customers) {
        if (!used.contains(StagedTable.CUSTOMERS)) {
            return;
        }
        List<String> batch = new ArrayList<>(chunk);
        jdbc.query("SELECT external_id FROM " + latest(StagedTable.CUSTOMERS) + " ORDER BY seq", rs -> {
            batch.add(rs.getString(1));
            if (batch.size() == chunk) {
                customers.accept(List.copyOf(batch));
                batch.clear();
            }
        });
        if (!batch.isEmpty()) {
            customers.accept(List.copyOf(batch));
        }
    }

    private static Order order(ResultSet rs, int first, Store store) throws SQLException {
        return new Order(
                rs.getString(first),
                rs.getString(first + 1),
                rs.getObject(first + 2, java.time.OffsetDateTime.class).toInstant(),
                OrderStatus.fromCode(rs.getString(first + 3)),
                Money.ofMinor(rs.getLong(first + 4), store.currency()),
                Money.ofMinor(rs.getLong(first + 5), store.currency()),
                rs.getString(first + 6),
                rs.getString(first + 7),
                rs.getString(first + 8));
    }

    private static String prefixed(String alias, String columns) {
        return java.util.Arrays.stream(columns.split(", "))
                .map(c -> alias + "." + c)
                .collect(Collectors.joining(", "));
    }
}
