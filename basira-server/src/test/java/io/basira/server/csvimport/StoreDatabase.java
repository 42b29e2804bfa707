package io.basira.server.csvimport;

import java.util.Set;

/** A fake of the store's database: the customers and orders it already holds (no carts). */
record StoreDatabase(Set<String> customers, Set<String> orders) implements KnownRecords {

    static StoreDatabase withCustomers(String... ids) {
        return new StoreDatabase(Set.of(ids), Set.of());
    }

    static StoreDatabase withOrders(String... ids) {
        return new StoreDatabase(Set.of(), Set.of(ids));
    }

    @Override
    public boolean customerExists(String customerId) {
        return customers.contains(customerId);
    }

    @Override
    public boolean orderExists(String orderId) {
        return orders.contains(orderId);
    }

    @Override
    public boolean cartExists(String cartId) {
        return false;
    }
}
