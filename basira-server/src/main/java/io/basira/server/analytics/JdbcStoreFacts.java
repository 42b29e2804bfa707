package io.basira.server.analytics;

import io.basira.analytics.CustomerFact;
import io.basira.analytics.OrderFact;
import io.basira.analytics.StoreFacts;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Store;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import io.basira.server.jdbc.BulkReads;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads what the analyses need of one store: customers' places, every order (the core filters statuses
 * and dates) and the product categories of each order's lines. Three queries, all by store id.
 */
public final class JdbcStoreFacts {

    private final JdbcTemplate jdbc;
    private final BulkReads bulkReads;

    public JdbcStoreFacts(JdbcTemplate jdbc, BulkReads bulkReads) {
        this.jdbc = jdbc;
        this.bulkReads = bulkReads;
    }

    /** The store's facts; at most {@link BulkReads}' number of loads run at once. */
    public StoreFacts load(Store store) {
        return bulkReads.run(() -> read(store));
    }

    private StoreFacts read(Store store) {
        long id = store.id().value();
        List<CustomerFact> customers = jdbc.query("SELECT external_id, city, region, country, created_at FROM customers "
                + "WHERE store_id = ? ORDER BY external_id", (rs, n) -> new CustomerFact(rs.getString(1),
                        rs.getString(2), rs.getString(3), trim(rs.getString(4)), instant(rs, 5)), id);
        Map<String, Set<String>> categories = new HashMap<>();
        jdbc.query("SELECT l.order_external_id, p.category FROM order_lines l JOIN products p ON p.store_id = l.store_id "
                + "AND p.external_id = l.product_external_id WHERE l.store_id = ? AND p.category IS NOT NULL", rs -> {
                    categories.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                }, id);
        List<OrderFact> orders = new ArrayList<>();
        jdbc.query("SELECT external_id, customer_external_id, created_at, status, total_minor, discount_minor, coupon_code "
                + "FROM orders WHERE store_id = ?", rs -> {
                    String coupon = rs.getString(7);
                    boolean discounted = rs.getLong(6) > 0 || (coupon != null && !coupon.isBlank());
                    orders.add(new OrderFact(rs.getString(2), instant(rs, 3), OrderStatus.fromCode(rs.getString(4)),
                            rs.getLong(5), discounted, categories.getOrDefault(rs.getString(1), Set.of())));
                }, id);
        return new StoreFacts(store.timeZone(), store.currency(), customers, orders);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String trim(String country) {
        return country == null ? null : country.strip();
    }
}
