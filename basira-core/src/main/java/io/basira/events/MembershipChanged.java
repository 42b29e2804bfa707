package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Customers entered or left groups, for one cause ({@code rule_change}, {@code order}, {@code manual},
 * {@code midnight}, {@code import}, {@code analytics}): group key → customer ids. Published with the
 * stored membership, only for movements that changed it.
 */
public record MembershipChanged(
        StoreId store, String cause, Map<String, Set<String>> entered, Map<String, Set<String>> exited)
        implements DomainEvent {

    public MembershipChanged {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(cause, "cause");
        entered = Map.copyOf(entered);
        exited = Map.copyOf(exited);
    }

    @Override
    public String type() {
        return "membership_changed";
    }
}
