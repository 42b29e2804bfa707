package io.basira.server.analytics.jdbc;

import io.basira.shared.StoreId;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The figures of the dashboard's overview that the tables already hold: totals over the customer
 * cards. Scoped to one store.
 */
public final class JdbcStoreOverview {

    /**
     * Totals of a store's cards. {@code orders} and {@code revenueMinor} count the orders of
     * docs/indicators.md (pending, processing, completed), so they equal the sums of order_count and
     * total_spent.
     */
    public record Totals(long customers, long buyers, long orders, long revenueMinor) {

        /** Revenue per counted order in minor units, rounded half-up; 0 without orders. */
        public long averageOrderMinor() {
            return orders == 0 ? 0 : Math.floorDiv(2 * revenueMinor + orders, 2 * orders);
        }
    }

    private final JdbcTemplate jdbc;

    public JdbcStoreOverview(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Totals totals(StoreId store) {
        return jdbc.queryForObject(
                "SELECT COALESCE(SUM(CASE WHEN erased_at IS NULL THEN 1 ELSE 0 END), 0) AS customers, "
                        + "COALESCE(SUM(CASE WHEN order_count > 0 AND erased_at IS NULL THEN 1 ELSE 0 END), 0) AS buyers, "
                        + "COALESCE(SUM(order_count), 0) AS orders, COALESCE(SUM(total_spent_minor), 0) AS revenue "
                        + "FROM customers WHERE store_id = ?",
                (rs, row) -> new Totals(
                        rs.getLong("customers"), rs.getLong("buyers"), rs.getLong("orders"), rs.getLong("revenue")),
                store.value());
    }
}
