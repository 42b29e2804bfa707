package io.basira.server.csvimport;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.RecordBatch;

/**
 * Receives every valid record of an import, in file order (products, customers, orders, order
 * lines, carts, cart lines, reviews, wishlist) and, within a file, in row order. A record whose id appears again
 * later in the same file arrives again: the later one must win (upsert).
 *
 * <p>Called from the reading thread only. Exceptions thrown by the sink end the read and propagate.
 */
public interface RecordSink {

    void product(Product product);

    void customer(Customer customer);

    void order(Order order);

    void orderLine(OrderLine line);

    void cart(Cart cart);

    void cartLine(CartLine line);

    void review(Review review);

    void wishlistItem(WishlistItem item);

    /**
     * Called after the last record of a present file was delivered (a place to flush a batch, so
     * that the next file's references find their rows). Does nothing by default.
     */
    default void fileDone(String file) {}

    /** A sink that adds every record to {@code batch}, for the write use case ({@code IngestRecords}). */
    static RecordSink into(RecordBatch batch) {
        return new RecordSink() {
            @Override
            public void product(Product product) {
                batch.add(product);
            }

            @Override
            public void customer(Customer customer) {
                batch.add(customer);
            }

            @Override
            public void order(Order order) {
                batch.add(order);
            }

            @Override
            public void orderLine(OrderLine line) {
                batch.add(line);
            }

            @Override
            public void cart(Cart cart) {
                batch.add(cart);
            }

            @Override
            public void cartLine(CartLine line) {
                batch.add(line);
            }

            @Override
            public void review(Review review) {
                batch.add(review);
            }

            @Override
            public void wishlistItem(WishlistItem item) {
                batch.add(item);
            }
        };
    }

    /** A sink that drops everything: for the validating pass of an all-or-nothing import. */
    static RecordSink discarding() {
        return new RecordSink() {
            @Override
            public void product(Product product) {}

            @Override
            public void customer(Customer customer) {}

            @Override
            public void order(Order order) {}

            @Override
            public void orderLine(OrderLine line) {}

            @Override
            public void cart(Cart cart) {}

            @Override
            public void cartLine(CartLine line) {}

            @Override
            public void review(Review review) {}

            @Override
            public void wishlistItem(WishlistItem item) {}
        };
    }
}
