package io.basira.server.analytics.jdbc;

import io.basira.analytics.StoreFacts;
import io.basira.commerce.OrderStatus;
import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Dates;
import io.basira.shared.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads what the analyses need of one store into its order columns ({@link StoreFacts}) by streaming: the
 * customers' places, then every order with its line categories (one row per order: the number of distinct
 * categories of its lines and the smallest, enough for "none, one, several"), fetched
 * {@value #FETCH_SIZE} rows at a time inside a read-only transaction (PostgreSQL streams only then). No
 * object per order is kept: each row goes into primitive columns as it is read. Rows are numbered by
 * customer id, so a fresh load and an incremental one ({@link #reload}) number them alike.
 */
public final class JdbcStoreFacts {

    static final int FETCH_SIZE = 10_000;
    private static final int IN_CHUNK = 500;
    private static final String CUSTOMERS =
            "SELECT external_id, city, region, country, created_at FROM customers " + "WHERE store_id = ?";
    private static final String ORDERS = "SELECT o.customer_external_id, o.created_at, o.status, o.total_minor, "
            + "o.discount_minor, o.coupon_code, c.categories, c.category FROM orders o LEFT JOIN ("
            + "SELECT l.order_external_id, COUNT(DISTINCT p.category) AS categories, MIN(p.category) AS category "
            + "FROM order_lines l JOIN products p ON p.store_id = l.store_id AND p.external_id = l.product_external_id "
            + "WHERE l.store_id = ? AND p.category IS NOT NULL %s GROUP BY l.order_external_id) c "
            + "ON c.order_external_id = o.external_id WHERE o.store_id = ?";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final BulkReads bulkReads;

    public JdbcStoreFacts(JdbcTemplate jdbc, TransactionTemplate transactions, BulkReads bulkReads) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
        this.bulkReads = bulkReads;
    }

    /** The store's columns, read whole; at most {@link BulkReads}' number of loads run at once. */
    public StoreFacts load(Store store) {
        return bulkReads.run(() -> readOnly.execute(status -> read(store)));
    }

    /**
     * The next version of {@code previous}: the named customers' attributes and orders read again (new
     * customers added in id order), everything else copied from {@code previous}.
     */
    public StoreFacts reload(Store store, StoreFacts previous, Collection<String> customerIds) {
        return readOnly.execute(status -> {
            StoreFacts.Builder next = previous.toBuilder().sortRowsById();
            long id = store.id().value();
            ZoneId zone = store.timeZone();
            for (List<String> chunk : chunks(customerIds)) {
                String in = " AND external_id IN (" + marks(chunk.size()) + ")";
                List<Object> args = new ArrayList<>(List.of(id));
                args.addAll(chunk);
                jdbc.query(
                        CUSTOMERS + in,
                        rs -> {
                            customer(next, rs, zone);
                        },
                        args.toArray());
                for (String customer : chunk) {
                    if (next.has(customer)) {
                        next.replaceOrders(customer);
                    }
                }
                String lines = " AND l.order_external_id IN (SELECT external_id FROM orders WHERE store_id = ? "
                        + "AND customer_external_id IN (" + marks(chunk.size()) + "))";
                List<Object> orderArgs = new ArrayList<>(List.of(id, id));
                orderArgs.addAll(chunk);
                orderArgs.add(id);
                orderArgs.addAll(chunk);
                jdbc.query(
                        String.format(ORDERS, lines) + " AND o.customer_external_id IN (" + marks(chunk.size()) + ")",
                        rs -> {
                            order(next, rs, zone);
                        },
                        orderArgs.toArray());
            }
            return next.build();
        });
    }

    private StoreFacts read(Store store) {
        long id = store.id().value();
        ZoneId zone = store.timeZone();
        StoreFacts.Builder facts = StoreFacts.builder(zone, store.currency()).sortRowsById();
        jdbc.query(Sql.binaryRows(CUSTOMERS, id), rs -> {
            customer(facts, rs, zone);
        });
        jdbc.query(Sql.binaryRows(String.format(ORDERS, ""), id, id), rs -> {
            order(facts, rs, zone);
        });
        return facts.build();
    }

    private static void customer(StoreFacts.Builder facts, ResultSet rs, ZoneId zone) throws SQLException {
        facts.customer(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                trim(rs.getString(4)),
                Dates.dateIn(Sql.instant(rs, 5), zone));
    }

    private static void order(StoreFacts.Builder facts, ResultSet rs, ZoneId zone) throws SQLException {
        String coupon = rs.getString(6);
        boolean discounted = rs.getLong(5) > 0 || (coupon != null && !coupon.isBlank());
        int categories = rs.getInt(7);
        int category = categories == 0
                ? StoreFacts.NO_CATEGORY
                : categories > 1 ? StoreFacts.MIXED_CATEGORIES : facts.categoryCode(rs.getString(8));
        facts.order(
                facts.row(rs.getString(1)),
                Dates.dateIn(Sql.instant(rs, 2), zone).toEpochDay(),
                OrderStatus.fromCode(rs.getString(3)),
                rs.getLong(4),
                discounted,
                category);
    }

    private static String trim(String country) {
        return country == null ? null : country.strip();
    }

    private static String marks(int count) {
        return String.join(", ", java.util.Collections.nCopies(count, "?"));
    }

    private static List<List<String>> chunks(Collection<String> ids) {
        List<String> all = new ArrayList<>(ids);
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += IN_CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + IN_CHUNK)));
        }
        return out;
    }
}
