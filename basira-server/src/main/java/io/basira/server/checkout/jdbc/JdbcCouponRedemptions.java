package io.basira.server.checkout.jdbc;

import io.basira.checkout.CouponRedemptions;
import io.basira.checkout.CouponRedemptions.Redemption.State;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Coupon uses in the database, inside the transaction that writes the orders.
 *
 * <p>The guard is one statement: {@code UPDATE checkout_coupons SET used = used + 1 WHERE … AND
 * (usage_limit IS NULL OR used < usage_limit)}. A concurrent taker blocks on the coupon's row lock
 * until the first commits, then re-evaluates the condition against the committed row (PostgreSQL
 * and H2 in READ COMMITTED), so no more than {@code usage_limit} uses are ever counted, whatever the
 * number of threads or servers. The per-customer count is read after that update, while the row lock
 * is held, so it is serialised by the same lock; a use over the customer's limit is given back at once.
 */
public final class JdbcCouponRedemptions implements CouponRedemptions {

    private final JdbcTemplate jdbc;
    private final JdbcCoupons coupons;

    /** @param coupons told of every use taken or given back, so its decisions' view follows after the commit */
    public JdbcCouponRedemptions(JdbcTemplate jdbc, JdbcCoupons coupons) {
        this.jdbc = jdbc;
        this.coupons = coupons;
    }

    @Override
    public boolean storeHasCoupons(StoreId store) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM checkout_coupons WHERE store_id = ? FETCH FIRST 1 ROWS ONLY",
                        Integer.class,
                        store.value())
                .isEmpty();
    }

    @Override
    public Map<String, Redemption> of(StoreId store, Collection<String> orderIds) {
        Map<String, Redemption> found = new HashMap<>();
        List<String> ids = new ArrayList<>(orderIds);
        for (int from = 0; from < ids.size(); from += 500) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
            List<Object> args = new ArrayList<>();
            args.add(store.value());
            args.addAll(chunk);
            jdbc.query(
                    "SELECT order_external_id, code, customer_external_id, state FROM checkout_redemptions "
                            + "WHERE store_id = ? AND order_external_id IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        found.put(
                                rs.getString(1),
                                new Redemption(
                                        rs.getString(1),
                                        rs.getString(2),
                                        rs.getString(3),
                                        State.valueOf(rs.getString(4).toUpperCase(Locale.ROOT))));
                    },
                    args.toArray());
        }
        return found;
    }

    @Override
    public State take(StoreId store, String code, String orderId, String customerId, Instant at) {
        coupons.forgetWhenCommitted(store, code);
        int taken = jdbc.update(
                "UPDATE checkout_coupons SET used = used + 1 WHERE store_id = ? AND code = ? "
                        + "AND (usage_limit IS NULL OR used < usage_limit)",
                store.value(),
                code);
        State state;
        if (taken == 1) {
            state = withinCustomerLimit(store, code, customerId) ? State.COUNTED : State.OVER_CUSTOMER_LIMIT;
            if (state != State.COUNTED) {
                giveBack(store, code);
            }
        } else if (exists(store, code)) {
            state = State.OVER_LIMIT;
        } else {
            return State.NO_SUCH_COUPON;
        }
        jdbc.update(
                "INSERT INTO checkout_redemptions (store_id, order_external_id, code, customer_external_id, state, "
                        + "redeemed_at) VALUES (?, ?, ?, ?, ?, ?)",
                store.value(),
                orderId,
                code,
                customerId,
                state.name().toLowerCase(Locale.ROOT),
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        return state;
    }

    @Override
    public void release(StoreId store, Redemption redemption) {
        coupons.forgetWhenCommitted(store, redemption.code());
        jdbc.update(
                "DELETE FROM checkout_redemptions WHERE store_id = ? AND order_external_id = ?",
                store.value(),
                redemption.orderId());
        if (redemption.state() == State.COUNTED) {
            giveBack(store, redemption.code());
        }
    }

    private boolean withinCustomerLimit(StoreId store, String code, String customerId) {
        Integer limit = jdbc.queryForObject(
                "SELECT per_customer_limit FROM checkout_coupons WHERE store_id = ? AND code = ?",
                Integer.class,
                store.value(),
                code);
        if (limit == null) {
            return true;
        }
        Integer own = jdbc.queryForObject(
                "SELECT COUNT(*) FROM checkout_redemptions WHERE store_id = ? AND code = ? "
                        + "AND customer_external_id = ? AND state = 'counted'",
                Integer.class,
                store.value(),
                code,
                customerId);
        return own < limit;
    }

    private void giveBack(StoreId store, String code) {
        jdbc.update(
                "UPDATE checkout_coupons SET used = used - 1 WHERE store_id = ? AND code = ? AND used > 0",
                store.value(),
                code);
    }

    private boolean exists(StoreId store, String code) {
        return !jdbc.queryForList(
                        "SELECT 1 FROM checkout_coupons WHERE store_id = ? AND code = ?",
                        Integer.class,
                        store.value(),
                        code)
                .isEmpty();
    }
}
