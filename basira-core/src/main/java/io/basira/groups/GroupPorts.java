package io.basira.groups;

import java.util.Objects;

/** What {@link GroupEngine} reads and stores through, and the transaction its writes share. */
public record GroupPorts(
        GroupCustomers customers,
        GroupDefinitions definitions,
        ManualLists manual,
        StoredMembership membership,
        Transactions transactions) {

    public GroupPorts {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(definitions, "definitions");
        Objects.requireNonNull(manual, "manual");
        Objects.requireNonNull(membership, "membership");
        Objects.requireNonNull(transactions, "transactions");
    }
}
