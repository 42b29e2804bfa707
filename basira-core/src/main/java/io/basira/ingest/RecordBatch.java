package io.basira.ingest;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Records of one store to upsert together. Mutable while it is filled, then handed to
 * {@link IngestRecords}. Within a batch a later record with the same id wins; the lines given for
 * an order replace all of that order's earlier lines, and so do the lines given for a cart (a cart's lines
 * travel with the cart: the cart is in the same batch).
 */
public final class RecordBatch {

    private final List<Product> products = new ArrayList<>();
    private final List<Customer> customers = new ArrayList<>();
    private final List<Order> orders = new ArrayList<>();
    private final List<OrderLine> orderLines = new ArrayList<>();
    private final List<Cart> carts = new ArrayList<>();
    private final List<CartLine> cartLines = new ArrayList<>();
    private final List<Review> reviews = new ArrayList<>();
    private final List<WishlistItem> wishlistItems = new ArrayList<>();

    public RecordBatch add(Product product) {
        products.add(product);
        return this;
    }

    public RecordBatch add(Customer customer) {
        customers.add(customer);
        return this;
    }

    public RecordBatch add(Order order) {
        orders.add(order);
        return this;
    }

    public RecordBatch add(OrderLine line) {
        orderLines.add(line);
        return this;
    }

    public RecordBatch add(Cart cart) {
        carts.add(cart);
        return this;
    }

    public RecordBatch add(CartLine line) {
        cartLines.add(line);
        return this;
    }

    public RecordBatch add(Review review) {
        reviews.add(review);
        return this;
    }

    public RecordBatch add(WishlistItem item) {
        wishlistItems.add(item);
        return this;
    }

    public List<Product> products() {
        return products;
    }

    public List<Customer> customers() {
        return customers;
    }

    public List<Order> orders() {
        return orders;
    }

    public List<OrderLine> orderLines() {
        return orderLines;
    }

    public List<Cart> carts() {
        return carts;
    }

    public List<CartLine> cartLines() {
        return cartLines;
    }

    public List<Review> reviews() {
        return reviews;
    }

    public List<WishlistItem> wishlistItems() {
        return wishlistItems;
    }

    public int size() {
        return products.size()
                + customers.size()
                + orders.size()
                + orderLines.size()
                + carts.size()
                + cartLines.size()
                + reviews.size()
                + wishlistItems.size();
    }

    public boolean isEmpty() {
        return size() == 0;
    }

    /** The customers whose cards this batch can change: every customer it names. */
    public Set<String> affectedCustomers() {
        Set<String> ids = new LinkedHashSet<>();
        customers.forEach(c -> ids.add(c.externalId()));
        orders.forEach(o -> ids.add(o.customerExternalId()));
        carts.stream().filter(c -> c.customerExternalId() != null).forEach(c -> ids.add(c.customerExternalId()));
        reviews.forEach(r -> ids.add(r.customerExternalId()));
        wishlistItems.forEach(w -> ids.add(w.customerExternalId()));
        return ids;
    }

    /** Customers that records of this batch refer to (orders, carts, reviews, wishlist), excluding those it defines. */
    public Set<String> referencedCustomers() {
        Set<String> ids = affectedCustomers();
        customers.forEach(c -> ids.remove(c.externalId()));
        return ids;
    }

    public void clear() {
        products.clear();
        customers.clear();
        orders.clear();
        orderLines.clear();
        carts.clear();
        cartLines.clear();
        reviews.clear();
        wishlistItems.clear();
    }
}
