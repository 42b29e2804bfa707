package io.basira.server.csvimport;

/**
 * What the store already holds, for the referential checks of an import (an order's customer, an
 * order line's order, a cart line's cart). Records that are valid earlier in the same import count as known without
 * asking this window.
 *
 * <p>Called once per referencing row, from the reading thread only; an implementation backed by a
 * database should answer from a preloaded id set or a cache rather than with one query per row.
 */
public interface KnownRecords {

    /** Whether the store already has a customer with this external id. */
    boolean customerExists(String customerId);

    /** Whether the store already has an order with this external id. */
    boolean orderExists(String orderId);

    /** Whether the store already has a cart with this external id (a line of {@code cart_items.csv}). */
    boolean cartExists(String cartId);

    /** An empty store: nothing is known before the import. */
    static KnownRecords none() {
        return new KnownRecords() {
            @Override
            public boolean customerExists(String customerId) {
                return false;
            }

            @Override
            public boolean orderExists(String orderId) {
                return false;
            }

            @Override
            public boolean cartExists(String cartId) {
                return false;
            }
        };
    }

    /** Every reference holds: for reading one file on its own (a preview). */
    static KnownRecords everything() {
        return new KnownRecords() {
            @Override
            public boolean customerExists(String customerId) {
                return true;
            }

            @Override
            public boolean orderExists(String orderId) {
                return true;
            }

            @Override
            public boolean cartExists(String cartId) {
                return true;
            }
        };
    }
}
