package io.basira.segment.eval;

import io.basira.card.CustomerCard;
import io.basira.commerce.Customer;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a rule can look at for one customer: the store's attributes, the card's indicators and the
 * keys of the groups the customer is already known to be in (computed before, in dependency order, or
 * given by manual additions). {@code groupKeys} is never null.
 */
public record CustomerProfile(Customer customer, CustomerCard card, Set<String> groupKeys) {
    public CustomerProfile {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(card, "card");
        groupKeys = groupKeys == null ? Set.of() : Set.copyOf(groupKeys);
    }

    public CustomerProfile(Customer customer, CustomerCard card) {
        this(customer, card, Set.of());
    }

    /** The store's own id of the customer. */
    public String externalId() {
        return customer.externalId();
    }

    public CustomerProfile withGroupKeys(Set<String> keys) {
        return new CustomerProfile(customer, card, keys);
    }
}
