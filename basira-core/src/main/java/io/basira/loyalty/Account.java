package io.basira.loyalty;

import java.util.List;
import java.util.Objects;

/** A customer's ledger as stored, in the order it was appended, with the tier the customer holds now (or null). */
public record Account(String customerId, List<LedgerEntry> entries, String tier) {

    public Account {
        Objects.requireNonNull(customerId, "customerId");
        entries = List.copyOf(entries);
    }

    public static Account empty(String customerId) {
        return new Account(customerId, List.of(), null);
    }
}
