package io.basira.server.cards.jdbc;

import io.basira.card.CustomerCard;
import io.basira.ingest.Cards;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Reads and writes cards in the card columns of {@code customers}, with the derived values precomputed for
 * sorting.
 */
public final class JdbcCards implements Cards {

    private final JdbcTemplate jdbc;

    public JdbcCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Store store, Map<String, CustomerCard> cards) {
        int digits = Money.fractionDigits(store.currency());
        List<Map.Entry<String, CustomerCard>> entries = List.copyOf(cards.entrySet());
        jdbc.batchUpdate(
                "UPDATE customers SET order_count = ?, total_spent_minor = ?, average_order_value = ?, "
                        + "cancelled_orders = ?, returned_orders = ?, last_purchase_at = ?, first_order_at = ?, "
                        + "abandoned_carts = ?, store_rating = ?, discounted_orders = ?, discount_share = ?, "
                        + "wishlist_count = ?, reviews_count = ? WHERE store_id = ? AND external_id = ?",
                entries,
                1000,
                (ps, entry) -> {
                    CustomerCard card = entry.getValue();
                    ps.setInt(1, card.orderCount());
                    ps.setLong(2, card.totalSpentMinor());
                    ps.setBigDecimal(3, card.averageOrderValue(digits));
                    ps.setInt(4, card.cancelledOrders());
                    ps.setInt(5, card.returnedOrders());
                    Sql.setInstant(ps, 6, card.lastPurchaseAt());
                    Sql.setInstant(ps, 7, card.firstOrderAt());
                    ps.setInt(8, card.abandonedCarts());
                    Sql.setInt(ps, 9, card.storeRating());
                    ps.setInt(10, card.discountedOrders());
                    ps.setBigDecimal(11, card.discountShare());
                    ps.setInt(12, card.wishlistCount());
                    ps.setInt(13, card.reviewsCount());
                    ps.setLong(14, store.id().value());
                    ps.setString(15, entry.getKey());
                });
    }

    @Override
    public Map<String, CustomerCard> load(StoreId store, Collection<String> customerIds) {
        Map<String, CustomerCard> cards = new HashMap<>(customerIds.size() * 2);
        Sql.queryByIds(
                jdbc,
                "SELECT external_id, order_count, total_spent_minor, cancelled_orders, returned_orders, "
                        + "last_purchase_at, first_order_at, abandoned_carts, store_rating, discounted_orders, wishlist_count, "
                        + "reviews_count FROM customers WHERE store_id = ? AND external_id IN",
                "",
                store.value(),
                customerIds,
                rs -> cards.put(
                        rs.getString("external_id"),
                        new CustomerCard(
                                rs.getInt("order_count"),
                                rs.getLong("total_spent_minor"),
                                rs.getInt("cancelled_orders"),
                                rs.getInt("returned_orders"),
                                Sql.instant(rs, "last_purchase_at"),
                                Sql.instant(rs, "first_order_at"),
                                rs.getInt("abandoned_carts"),
                                Sql.nullableInt(rs, "store_rating"),
                                rs.getInt("discounted_orders"),
                                rs.getInt("wishlist_count"),
                                rs.getInt("reviews_count"))));
        return cards;
    }
}
