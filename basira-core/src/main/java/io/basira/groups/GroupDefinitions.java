package io.basira.groups;

import io.basira.shared.StoreId;
import java.util.List;

/** Port: a store's saved groups (key, name, rule). Writes join the caller's transaction ({@link Transactions}). */
public interface GroupDefinitions {

    /** Every group of the store, by key. */
    List<Group> all(StoreId store);

    /** Inserts the group, or replaces its name and rule when the key exists. */
    void save(StoreId store, Group group);

    /** Deletes the group with its members and manual lists (its history stays); false when there was none. */
    boolean delete(StoreId store, String key);

    /**
     * Refuses, with {@link IllegalArgumentException} saying why, a group whose stored form would not fit
     * (the rule's stored JSON, say); called before anything changes. Accepts by default.
     */
    default void requireStorable(Group group) {}

    /** Whether the store has any group. */
    boolean any(StoreId store);
}
