package io.basira.server.csvimport;

import java.util.HashSet;
import java.util.Set;

/**
 * The customers, orders and carts a row may refer to: those the store already has ({@link KnownRecords})
 * and those that were valid earlier in this import. Keeps only the ids of this import's valid
 * customers, orders and carts (a {@code HashSet<String>} of a million short ids is some tens of megabytes).
 * Not thread-safe.
 */
final class References {

    private final KnownRecords known;
    private final Set<String> customers = new HashSet<>();
    private final Set<String> orders = new HashSet<>();
    private final Set<String> carts = new HashSet<>();

    References(KnownRecords known) {
        this.known = known;
    }

    void customerImported(String customerId) {
        customers.add(customerId);
    }

    void orderImported(String orderId) {
        orders.add(orderId);
    }

    void cartImported(String cartId) {
        carts.add(cartId);
    }

    boolean cartExists(String cartId) {
        return carts.contains(cartId) || known.cartExists(cartId);
    }

    boolean customerExists(String customerId) {
        return customers.contains(customerId) || known.customerExists(customerId);
    }

    boolean orderExists(String orderId) {
        return orders.contains(orderId) || known.orderExists(orderId);
    }
}
