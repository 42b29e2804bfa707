package io.basira.server.ingest.jdbc;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.CommerceWrites;
import io.basira.ingest.LineReplacement;
import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.shared.SearchText;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Batched upserts of a store's records; runs inside the caller's transaction. A record sent twice in one
 * call is written once, its last version (a batch's later record wins): PostgreSQL's driver rewrites a
 * batch into one multi-row statement, and one {@code INSERT … ON CONFLICT} may not touch a row twice.
 */
public final class JdbcCommerceWrites implements CommerceWrites {

    private static final int BATCH = 1000;

    private final JdbcTemplate jdbc;
    private final String upsertCustomer;
    private final String upsertOrder;
    private final String upsertProduct;
    private final String upsertCart;
    private final String upsertReview;
    private final String upsertWishlist;

    public JdbcCommerceWrites(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        List<String> storeAndId = List.of("store_id", "external_id");
        this.upsertCustomer = dialect.upsert(
                "customers",
                storeAndId,
                List.of(
                        "store_id",
                        "external_id",
                        "first_name",
                        "last_name",
                        "email",
                        "phone",
                        "gender",
                        "birth_date",
                        "city",
                        "region",
                        "country",
                        "created_at",
                        "tags",
                        "search_text"));
        this.upsertOrder = dialect.upsert(
                "orders",
                storeAndId,
                List.of(
                        "store_id",
                        "external_id",
                        "customer_external_id",
                        "created_at",
                        "status",
                        "total_minor",
                        "discount_minor",
                        "coupon_code",
                        "payment_method",
                        "shipping_method"));
        this.upsertProduct = dialect.upsert(
                "products",
                storeAndId,
                List.of("store_id", "external_id", "name", "category", "price_minor", "price_exact"));
        this.upsertCart = dialect.upsert(
                "carts",
                storeAndId,
                List.of(
                        "store_id",
                        "external_id",
                        "customer_external_id",
                        "created_at",
                        "updated_at",
                        "total_minor",
                        "items_count",
                        "status"));
        this.upsertReview = dialect.upsert(
                "reviews",
                storeAndId,
                List.of(
                        "store_id",
                        "external_id",
                        "customer_external_id",
                        "product_external_id",
                        "rating",
                        "created_at"));
        this.upsertWishlist = dialect.upsert(
                "wishlist_items",
                List.of("store_id", "customer_external_id", "product_external_id"),
                List.of("store_id", "customer_external_id", "product_external_id", "added_at"));
    }

    @Override
    public void upsertCustomers(StoreId store, List<Customer> customers) {
        jdbc.batchUpdate(upsertCustomer, lastOfEach(customers, Customer::externalId), BATCH, (ps, c) -> {
            ps.setLong(1, store.value());
            ps.setString(2, c.externalId());
            ps.setString(3, c.firstName());
            ps.setString(4, c.lastName());
            ps.setString(5, c.email());
            ps.setString(6, c.phone());
            ps.setString(7, c.gender() == null ? null : c.gender().code());
            Sql.setDate(ps, 8, c.birthDate());
            ps.setString(9, c.city());
            ps.setString(10, c.region());
            ps.setString(11, c.country());
            Sql.setInstant(ps, 12, c.createdAt());
            ps.setString(13, c.tags().isEmpty() ? null : String.join(";", new TreeSet<>(c.tags())));
            ps.setString(14, SearchText.ofCustomer(c.externalId(), c.firstName(), c.lastName(), c.email(), c.phone()));
        });
    }

    @Override
    public void upsertOrders(StoreId store, List<Order> orders) {
        jdbc.batchUpdate(upsertOrder, lastOfEach(orders, Order::externalId), BATCH, (ps, o) -> {
            ps.setLong(1, store.value());
            ps.setString(2, o.externalId());
            ps.setString(3, o.customerExternalId());
            Sql.setInstant(ps, 4, o.createdAt());
            ps.setString(5, o.status().code());
            ps.setLong(6, o.total().minor());
            ps.setLong(7, o.discountTotal().minor());
            ps.setString(8, o.couponCode());
            ps.setString(9, o.paymentMethod());
            ps.setString(10, o.shippingMethod());
        });
    }

    @Override
    public void replaceOrderLines(StoreId store, List<OrderLine> lines, LineReplacement replacement) {
        List<String> firstSeen = new ArrayList<>();
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            String orderId = line.orderExternalId();
            if (replacement.firstSight(orderId)) {
                firstSeen.add(orderId);
            }
            rows.add(new Object[] {
                store.value(),
                orderId,
                replacement.nextLineNo(orderId),
                line.productExternalId(),
                line.quantity(),
                line.unitPrice().minor(),
                line.exactUnitPrice() == null ? null : line.exactUnitPrice().amount()
            });
        }
        jdbc.batchUpdate(
                "DELETE FROM order_lines WHERE store_id = ? AND order_external_id = ?",
                firstSeen,
                BATCH,
                (ps, orderId) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, orderId);
                });
        jdbc.batchUpdate(
                "INSERT INTO order_lines (store_id, order_external_id, line_no, product_external_id, "
                        + "quantity, unit_price_minor, unit_price_exact) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    @Override
    public void upsertProducts(StoreId store, List<Product> products) {
        jdbc.batchUpdate(upsertProduct, lastOfEach(products, Product::externalId), BATCH, (ps, p) -> {
            ps.setLong(1, store.value());
            ps.setString(2, p.externalId());
            ps.setString(3, p.name());
            ps.setString(4, p.category());
            Sql.setLong(ps, 5, p.price() == null ? null : p.price().minor());
            ps.setBigDecimal(6, p.exactPrice() == null ? null : p.exactPrice().amount());
        });
    }

    @Override
    public void upsertActivity(StoreId store, List<Cart> carts, List<Review> reviews, List<WishlistItem> items) {
        jdbc.batchUpdate(upsertCart, lastOfEach(carts, Cart::externalId), BATCH, (ps, c) -> {
            ps.setLong(1, store.value());
            ps.setString(2, c.externalId());
            ps.setString(3, c.customerExternalId());
            Sql.setInstant(ps, 4, c.createdAt());
            Sql.setInstant(ps, 5, c.updatedAt());
            Sql.setLong(ps, 6, c.total() == null ? null : c.total().minor());
            Sql.setInt(ps, 7, c.itemsCount());
            ps.setString(8, c.status().code());
        });
        jdbc.batchUpdate(upsertReview, lastOfEach(reviews, Review::externalId), BATCH, (ps, r) -> {
            ps.setLong(1, store.value());
            ps.setString(2, r.externalId());
            ps.setString(3, r.customerExternalId());
            ps.setString(4, r.productExternalId());
            ps.setInt(5, r.rating());
            Sql.setInstant(ps, 6, r.createdAt());
        });
        jdbc.batchUpdate(
                upsertWishlist,
                lastOfEach(items, w -> w.customerExternalId() + "\u0000" + w.productExternalId()),
                BATCH,
                (ps, w) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, w.customerExternalId());
                    ps.setString(3, w.productExternalId());
                    Sql.setInstant(ps, 4, w.addedAt());
                });
    }

    @Override
    public void replaceCartLines(StoreId store, List<CartLine> lines) {
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<Object[]> rows = new ArrayList<>(lines.size());
        for (CartLine line : lines) {
            int lineNo = numbers.merge(line.cartExternalId(), 1, Integer::sum);
            rows.add(new Object[] {
                store.value(),
                line.cartExternalId(),
                lineNo,
                line.productExternalId(),
                line.name(),
                line.quantity(),
                line.unitPrice() == null ? null : line.unitPrice().amount(),
                line.url()
            });
        }
        jdbc.batchUpdate(
                "DELETE FROM cart_lines WHERE store_id = ? AND cart_external_id = ?",
                List.copyOf(numbers.keySet()),
                BATCH,
                (ps, cartId) -> {
                    ps.setLong(1, store.value());
                    ps.setString(2, cartId);
                });
        jdbc.batchUpdate(
                "INSERT INTO cart_lines (store_id, cart_external_id, line_no, product_external_id, name, "
                        + "quantity, unit_price, url) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                rows);
    }

    /** The last version of each record by key, in the order of the keys' first appearance. */
    static <T> List<T> lastOfEach(List<T> records, Function<T, String> key) {
        if (records.size() < 2) {
            return records;
        }
        Map<String, T> last = new LinkedHashMap<>(records.size() * 2);
        records.forEach(record -> last.put(key.apply(record), record));
        return last.size() == records.size() ? records : new ArrayList<>(last.values());
    }
}
