package io.basira.server.cards.jdbc;

import io.basira.card.CardAccumulator;
import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import io.basira.ingest.CustomerActivity;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Streams the facts a card is folded from. For a few customers it queries by id in chunks; for a
 * large share of the store it scans the store's rows once, which is far cheaper than thousands of
 * IN lists. An order's date is read as the write path's before-images read it (brought into the accepted
 * dates when an older version stored one outside them), so a card folded here and one folded incrementally
 * from those before-images agree.
 */
public final class JdbcCustomerActivity implements CustomerActivity {

    private static final int SCAN_THRESHOLD = 20_000;

    private final JdbcTemplate jdbc;

    public JdbcCustomerActivity(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replay(StoreId store, Collection<String> customerIds, Function<String, CardAccumulator> accumulatorOf) {
        List<Query> queries = List.of(
                new Query(
                        "SELECT customer_external_id, status, created_at, total_minor, discount_minor, coupon_code "
                                + "FROM orders",
                        rs -> accumulatorOf
                                .apply(rs.getString(1))
                                .addOrder(
                                        OrderStatus.fromCode(rs.getString(2)),
                                        JdbcCustomerQueries.createdAt(rs),
                                        rs.getLong(4),
                                        rs.getLong(5) > 0 || hasText(rs.getString(6)))),
                new Query("SELECT customer_external_id, status FROM carts", rs -> {
                    String customer = rs.getString(1);
                    if (customer != null) {
                        accumulatorOf.apply(customer).addCart(CartStatus.fromCode(rs.getString(2)));
                    }
                }),
                new Query(
                        "SELECT customer_external_id, external_id, product_external_id, rating, created_at FROM reviews",
                        rs -> accumulatorOf
                                .apply(rs.getString(1))
                                .addReview(
                                        rs.getString(2),
                                        rs.getString(3) == null,
                                        rs.getInt(4),
                                        Sql.instant(rs, "created_at"))),
                new Query(
                        "SELECT customer_external_id FROM wishlist_items",
                        rs -> accumulatorOf.apply(rs.getString(1)).addWishlistItem()));
        for (Query query : queries) {
            run(store, customerIds, query);
        }
    }

    private void run(StoreId store, Collection<String> customerIds, Query query) {
        if (customerIds.isEmpty() || customerIds.size() >= SCAN_THRESHOLD) {
            Set<String> wanted = customerIds instanceof Set<String> set ? set : new HashSet<>(customerIds);
            jdbc.query(
                    query.select() + " WHERE store_id = ?",
                    rs -> {
                        if (wanted.isEmpty() || wanted.contains(rs.getString(1))) {
                            query.handler().processRow(rs);
                        }
                    },
                    store.value());
            return;
        }
        for (List<String> chunk : Sql.chunks(customerIds, Sql.IN_CHUNK)) {
            List<Object> args = new ArrayList<>(chunk.size() + 1);
            args.add(store.value());
            args.addAll(chunk);
            jdbc.query(
                    query.select() + " WHERE store_id = ? AND customer_external_id IN (" + Sql.marks(chunk.size())
                            + ")",
                    query.handler(),
                    args.toArray());
        }
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private record Query(String select, RowCallbackHandler handler) {}
}
