package io.basira.ingest;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.shared.StoreId;
import java.util.List;

/**
 * Port: upserts a store's records by their external ids. Every method is idempotent: writing the
 * same records twice leaves the same state. Implementations run inside the caller's transaction.
 */
public interface CommerceWrites {

    void upsertCustomers(StoreId store, List<Customer> customers);

    /** Each order replaces the stored version with the same id, whole. */
    void upsertOrders(StoreId store, List<Order> orders);

    /**
     * For every order named in {@code lines}, its stored lines are replaced by the lines given in
     * this replacement (in this call and earlier calls with the same {@code replacement}).
     */
    void replaceOrderLines(StoreId store, List<OrderLine> lines, LineReplacement replacement);

    void upsertProducts(StoreId store, List<Product> products);

    /** Carts and reviews replace by id; a wishlist item is keyed by (customer, product). */
    void upsertActivity(StoreId store, List<Cart> carts, List<Review> reviews, List<WishlistItem> wishlistItems);

    /**
     * Replaces the lines of every cart named in {@code lines} (numbered in the order given); the carts are written
     * before. A cart not named keeps its lines.
     */
    void replaceCartLines(StoreId store, List<CartLine> lines);
}
