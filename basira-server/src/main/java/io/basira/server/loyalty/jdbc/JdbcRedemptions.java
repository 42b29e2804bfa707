package io.basira.server.loyalty.jdbc;

import io.basira.loyalty.Redemption;
import io.basira.loyalty.Redemptions;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/** The redemptions of a store ({@code loyalty_redemptions}). */
public final class JdbcRedemptions implements Redemptions {

    private static final String COLUMNS =
            "id, customer_external_id, reward, points, value_minor, coupon_code, product_id,"
                    + " state, created_at, order_external_id, order_created_at";

    private final JdbcTemplate jdbc;

    public JdbcRedemptions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void add(StoreId store, Redemption r) {
        jdbc.update(
                "INSERT INTO loyalty_redemptions (store_id, " + COLUMNS
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.value(),
                r.id(),
                r.customerId(),
                r.reward().code(),
                r.points(),
                r.valueMinor(),
                r.couponCode(),
                r.productId(),
                r.state().code(),
                Sql.utc(r.createdAt()),
                r.orderId(),
                Sql.utc(r.orderCreatedAt()));
    }

    @Override
    public Optional<Redemption> lock(StoreId store, String id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM loyalty_redemptions WHERE store_id = ? AND id = ? FOR UPDATE",
                        JdbcRedemptions::map,
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    /** Writes the redemption's state, coupon and the order that used it (all that changes after it was added). */
    @Override
    public void update(StoreId store, Redemption r) {
        jdbc.update(
                "UPDATE loyalty_redemptions SET state = ?, coupon_code = ?, order_external_id = ?, order_created_at = ?"
                        + " WHERE store_id = ? AND id = ?",
                r.state().code(),
                r.couponCode(),
                r.orderId(),
                Sql.utc(r.orderCreatedAt()),
                store.value(),
                r.id());
    }

    @Override
    public List<Redemption> lockByCoupons(StoreId store, java.util.Collection<String> couponCodes) {
        List<Redemption> found = new java.util.ArrayList<>();
        Sql.queryByIds(
                jdbc,
                "SELECT " + COLUMNS + " FROM loyalty_redemptions WHERE store_id = ? AND coupon_code IN",
                " ORDER BY coupon_code FOR UPDATE",
                store.value(),
                new java.util.TreeSet<>(couponCodes),
                rs -> {
                    found.add(map(rs, 0));
                });
        return found;
    }

    @Override
    public List<Redemption> of(StoreId store, String customerId) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM loyalty_redemptions WHERE store_id = ? AND customer_external_id = ?"
                        + " ORDER BY created_at DESC, id",
                JdbcRedemptions::map,
                store.value(),
                customerId);
    }

    private static Redemption map(ResultSet rs, int row) throws SQLException {
        return new Redemption(
                rs.getString("id"),
                rs.getString("customer_external_id"),
                Redemption.Reward.fromCode(rs.getString("reward")),
                rs.getLong("points"),
                rs.getLong("value_minor"),
                rs.getString("coupon_code"),
                rs.getString("product_id"),
                Redemption.State.fromCode(rs.getString("state")),
                Sql.instant(rs, "created_at"),
                rs.getString("order_external_id"),
                Sql.instant(rs, "order_created_at"));
    }
}
