package io.basira.server.loyalty.jdbc;

import io.basira.loyalty.Cause;
import io.basira.loyalty.PurchaseActivity;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;

/** What loyalty reads of a store's orders and customers: completed spend, last purchases, birthdays. */
public final class JdbcPurchaseActivity implements PurchaseActivity {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final JdbcTemplate streaming;

    public JdbcPurchaseActivity(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.streaming = Sql.streaming(jdbc.getDataSource());
    }

    @Override
    public Map<String, Purchases> of(StoreId store, Collection<String> customerIds, Instant since) {
        Map<String, Purchases> found = new HashMap<>();
        for (List<String> chunk : Sql.chunks(new TreeSet<>(customerIds), Sql.IN_CHUNK)) {
            Object[] args = new Object[chunk.size() + 3];
            args[0] = Sql.utc(since);
            args[1] = Sql.utc(since);
            if (dialect == SqlDialect.H2) {
                // ids looked up by a join (JdbcLoyaltyLedgers.idsTable), not an IN list; a LEFT JOIN and the index
                // named, so that the plan H2 keeps does not depend on the table's size (JdbcLoyaltyLedgers.lockOnH2)
                System.arraycopy(JdbcLoyaltyLedgers.idsThenStore(chunk, store), 0, args, 2, chunk.size() + 1);
                jdbc.query(
                        purchasesOnH2(chunk.size()),
                        rs -> {
                            java.time.Instant last = Sql.instant(rs, "last_purchase");
                            if (last != null) { // null: no completed order (the row of the LEFT JOIN without one)
                                found.put(rs.getString(1), purchases(rs, last));
                            }
                        },
                        args);
                continue;
            }
            System.arraycopy(JdbcLoyaltyLedgers.args(store, chunk), 0, args, 2, chunk.size() + 1);
            jdbc.query(
                    "SELECT customer_external_id, SUM(CASE WHEN created_at >= ? THEN total_minor ELSE 0 END) AS spend,"
                            + " MIN(CASE WHEN created_at >= ? THEN created_at END) AS oldest_counted,"
                            + " MAX(created_at) AS last_purchase FROM orders WHERE store_id = ? AND status = 'completed'"
                            + " AND customer_external_id IN (" + Sql.marks(chunk.size()) + ")"
                            + " GROUP BY customer_external_id",
                    rs -> {
                        found.put(rs.getString(1), purchases(rs, Sql.instant(rs, "last_purchase")));
                    },
                    args);
        }
        return found;
    }

    private static Purchases purchases(java.sql.ResultSet rs, Instant last) throws java.sql.SQLException {
        return new Purchases(rs.getLong("spend"), last, Sql.instant(rs, "oldest_counted"));
    }

    /**
     * H2: the spend since a time, the oldest order it counts and the last completed order of {@code n} customers
     * (since, since, ids, store).
     */
    static String purchasesOnH2(int n) {
        return "SELECT ids.id, SUM(CASE WHEN o.created_at >= ? THEN o.total_minor ELSE 0 END) AS spend,"
                + " MIN(CASE WHEN o.created_at >= ? THEN o.created_at END) AS oldest_counted,"
                + " MAX(o.created_at) AS last_purchase FROM " + JdbcLoyaltyLedgers.idsTable(n)
                + " LEFT JOIN orders o USE INDEX (orders_customer) ON o.store_id = ? AND o.customer_external_id = ids.id"
                + " AND o.status = 'completed' GROUP BY ids.id";
    }

    @Override
    public void forEachCompletedOrder(StoreId store, Consumer<CompletedOrder> sink) {
        // in no order: the rebuild groups them by customer itself, the database need not sort them all
        streaming.query(
                Sql.binaryRows(
                        "SELECT customer_external_id, external_id, created_at, total_minor FROM orders"
                                + " WHERE store_id = ? AND status = 'completed'",
                        store.value()),
                rs -> {
                    sink.accept(new CompletedOrder(
                            rs.getString(1), rs.getString(2), Sql.instant(rs, "created_at"), rs.getLong(4)));
                });
    }

    @Override
    public List<BonusSource> bonusSources(StoreId store, Collection<String> customerIds, Instant since) {
        List<BonusSource> found = new ArrayList<>();
        List<List<String>> chunks = customerIds == null
                ? java.util.Collections.singletonList(null)
                : Sql.chunks(new TreeSet<>(customerIds), Sql.IN_CHUNK);
        for (List<String> chunk : chunks) {
            if (chunk != null && chunk.isEmpty()) {
                continue;
            }
            String in = chunk == null ? "" : " AND %s IN (" + Sql.marks(chunk.size()) + ")";
            List<Object> args = new ArrayList<>(List.of(store.value(), Sql.utc(since)));
            if (chunk != null) {
                args.addAll(chunk);
            }
            jdbc.query(
                    "SELECT external_id FROM customers WHERE store_id = ? AND created_at >= ?"
                            + in.formatted("external_id"),
                    rs -> {
                        found.add(new BonusSource(rs.getString(1), Cause.SIGNUP, "signup"));
                    },
                    args.toArray());
            jdbc.query(
                    "SELECT customer_external_id, external_id FROM reviews WHERE store_id = ? AND created_at >= ?"
                            + in.formatted("customer_external_id"),
                    rs -> {
                        found.add(new BonusSource(rs.getString(1), Cause.REVIEW, rs.getString(2)));
                    },
                    args.toArray());
        }
        return found;
    }

    @Override
    public List<String> birthdays(StoreId store, MonthDay day, boolean leapYear) {
        String sql = "SELECT external_id FROM customers WHERE store_id = ? AND EXTRACT(MONTH FROM birth_date) = ?"
                + " AND EXTRACT(DAY FROM birth_date) = ? ORDER BY external_id";
        List<String> found = new ArrayList<>(
                jdbc.queryForList(sql, String.class, store.value(), day.getMonthValue(), day.getDayOfMonth()));
        if (!leapYear && day.equals(MonthDay.of(2, 28))) {
            found.addAll(jdbc.queryForList(sql, String.class, store.value(), 2, 29));
        }
        return found;
    }
}
