package io.basira.events;

import io.basira.shared.StoreId;
import java.util.Objects;
import java.util.Set;

/** Group definitions or manual lists changed (created, rule or name changed, deleted, customers added or excluded by hand). */
public record GroupsRedefined(StoreId store, Set<String> groupKeys) implements DomainEvent {

    public GroupsRedefined {
        Objects.requireNonNull(store, "store");
        groupKeys = Set.copyOf(groupKeys);
    }

    @Override
    public String type() {
        return "groups_redefined";
    }
}
