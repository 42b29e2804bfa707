package io.basira.server.ingest.jdbc;

import io.basira.commerce.Cart;
import io.basira.commerce.Order;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Review;
import io.basira.ingest.CommerceReads;
import io.basira.ingest.RecordBatch;
import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Money;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/** Existence, ownership and stored orders by external id, in chunks of {@link Sql#IN_CHUNK}. */
public final class JdbcCommerceReads implements CommerceReads {

    private final JdbcTemplate jdbc;

    public JdbcCommerceReads(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Set<String> missingCustomers(StoreId store, Collection<String> customerIds) {
        return missing("customers", store, customerIds);
    }

    @Override
    public Set<String> missingOrders(StoreId store, Collection<String> orderIds) {
        return missing("orders", store, orderIds);
    }

    @Override
    public Map<String, Order> storedOrders(StoreId store, Collection<String> orderIds) {
        Map<String, Order> stored = new HashMap<>(orderIds.size() * 2);
        Sql.queryByIds(
                jdbc,
                "SELECT o.external_id, o.customer_external_id, o.created_at, o.status, o.total_minor, "
                        + "o.discount_minor, o.coupon_code, o.payment_method, o.shipping_method, s.currency "
                        + "FROM orders o JOIN stores s ON s.id = o.store_id WHERE o.store_id = ? AND o.external_id IN",
                "",
                store.value(),
                orderIds,
                rs -> {
                    Order order = order(rs);
                    stored.put(order.externalId(), order);
                });
        return stored;
    }

    /** A stored order, its text and date read as today's rules accept them (see JdbcCustomerQueries). */
    private static Order order(ResultSet rs) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency").strip());
        return new Order(
                rs.getString("external_id"),
                JdbcCustomerQueries.line(rs, "customer_external_id"),
                JdbcCustomerQueries.createdAt(rs),
                OrderStatus.fromCode(rs.getString("status")),
                Money.ofMinor(rs.getLong("total_minor"), currency),
                Money.ofMinor(rs.getLong("discount_minor"), currency),
                JdbcCustomerQueries.line(rs, "coupon_code"),
                JdbcCustomerQueries.line(rs, "payment_method"),
                JdbcCustomerQueries.line(rs, "shipping_method"));
    }

    @Override
    public Set<String> currentCustomers(StoreId store, RecordBatch batch) {
        Set<String> owners = new LinkedHashSet<>();
        owners(store, "carts", batch.carts().stream().map(Cart::externalId).toList(), owners);
        owners(
                store,
                "reviews",
                batch.reviews().stream().map(Review::externalId).toList(),
                owners);
        return owners;
    }

    private void owners(StoreId store, String table, List<String> ids, Set<String> owners) {
        Sql.queryByIds(
                jdbc,
                "SELECT customer_external_id FROM " + table + " WHERE store_id = ? AND external_id IN",
                " AND customer_external_id IS NOT NULL",
                store.value(),
                ids,
                rs -> {
                    owners.add(rs.getString(1));
                });
    }

    private Set<String> missing(String table, StoreId store, Collection<String> ids) {
        Set<String> missing = new LinkedHashSet<>(ids);
        Sql.queryByIds(
                jdbc,
                "SELECT external_id FROM " + table + " WHERE store_id = ? AND external_id IN",
                "",
                store.value(),
                ids,
                rs -> {
                    missing.remove(rs.getString(1));
                });
        return missing;
    }
}
