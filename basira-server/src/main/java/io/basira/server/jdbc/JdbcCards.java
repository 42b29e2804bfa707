package io.basira.server.jdbc;

import io.basira.card.CustomerCard;
import io.basira.ingest.Cards;
import io.basira.shared.Money;
import io.basira.shared.Store;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes cards into the card columns of {@code customers}, with the derived values precomputed for sorting. */
public final class JdbcCards implements Cards {

    private final JdbcTemplate jdbc;

    public JdbcCards(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void save(Store store, Map<String, CustomerCard> cards) {
        int digits = Money.fractionDigits(store.currency());
        List<Map.Entry<String, CustomerCard>> entries = List.copyOf(cards.entrySet());
        jdbc.batchUpdate("UPDATE customers SET order_count = ?, total_spent_minor = ?, average_order_value = ?, "
                + "cancelled_orders = ?, returned_orders = ?, last_purchase_at = ?, first_order_at = ?, "
                + "abandoned_carts = ?, store_rating = ?, discounted_orders = ?, discount_share = ?, "
                + "wishlist_count = ?, reviews_count = ? WHERE store_id = ? AND external_id = ?",
                entries, 1000, (ps, entry) -> {
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
}
