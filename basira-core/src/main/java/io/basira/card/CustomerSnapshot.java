package io.basira.card;

import io.basira.commerce.Customer;
import java.util.Objects;

/**
 * A customer as stored: the store-given attributes, the current card, and {@code rowId}, the
 * installation's stable numeric id of the customer (the key of the in-memory index).
 */
public record CustomerSnapshot(long rowId, Customer customer, CustomerCard card) {

    public CustomerSnapshot {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(card, "card");
    }
}
