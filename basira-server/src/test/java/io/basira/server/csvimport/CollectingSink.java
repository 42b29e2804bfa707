package io.basira.server.csvimport;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import java.util.ArrayList;
import java.util.List;

/** Keeps every record it is given, in order, and which files were done. */
final class CollectingSink implements RecordSink {

    final List<Product> products = new ArrayList<>();
    final List<Customer> customers = new ArrayList<>();
    final List<Order> orders = new ArrayList<>();
    final List<OrderLine> orderLines = new ArrayList<>();
    final List<Cart> carts = new ArrayList<>();
    final List<CartLine> cartLines = new ArrayList<>();
    final List<Review> reviews = new ArrayList<>();
    final List<WishlistItem> wishlist = new ArrayList<>();
    final List<String> filesDone = new ArrayList<>();

    @Override
    public void product(Product product) {
        products.add(product);
    }

    @Override
    public void customer(Customer customer) {
        customers.add(customer);
    }

    @Override
    public void order(Order order) {
        orders.add(order);
    }

    @Override
    public void orderLine(OrderLine line) {
        orderLines.add(line);
    }

    @Override
    public void cart(Cart cart) {
        carts.add(cart);
    }

    @Override
    public void cartLine(CartLine line) {
        cartLines.add(line);
    }

    @Override
    public void review(Review review) {
        reviews.add(review);
    }

    @Override
    public void wishlistItem(WishlistItem item) {
        wishlist.add(item);
    }

    @Override
    public void fileDone(String file) {
        filesDone.add(file);
    }

    /** Every record, in delivery order, for comparing two reads. */
    List<Object> all() {
        List<Object> all = new ArrayList<>();
        all.addAll(products);
        all.addAll(customers);
        all.addAll(orders);
        all.addAll(orderLines);
        all.addAll(carts);
        all.addAll(cartLines);
        all.addAll(reviews);
        all.addAll(wishlist);
        return all;
    }
}
