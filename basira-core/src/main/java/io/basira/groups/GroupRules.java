package io.basira.groups;

import io.basira.events.UseCase;
import io.basira.segment.Condition;
import io.basira.segment.group.GroupCycleException;
import io.basira.segment.group.GroupDependencies;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Creating, changing and deleting a store's groups. A rule is refused when it names a group that does
 * not exist or makes groups name each other in a circle; a group that other groups name, or that a
 * policy, a coupon or anything else registered as {@link GroupUses} aims at, cannot be deleted.
 * A saved rule is evaluated at once over every customer (cause {@code rule_change}), with the groups that
 * name it, off the lock checkout reads under ({@link GroupEngine#define}); manual additions and exclusions are
 * kept across rule changes. Each change publishes {@link io.basira.events.GroupsRedefined} with its movements.
 */
@UseCase
public final class GroupRules {

    private static final Set<String> RESERVED_KEYS = Set.of("templates", "preview");

    private final GroupEngine live;
    private final GroupDefinitions groups;
    private final Clock clock;
    private final List<GroupUses> uses;

    public GroupRules(GroupEngine live, GroupDefinitions groups, Clock clock) {
        this(live, groups, clock, List.of());
    }

    /** @param uses what outside the groups may aim at a group: a group in use cannot be deleted */
    public GroupRules(GroupEngine live, GroupDefinitions groups, Clock clock, List<GroupUses> uses) {
        this.live = live;
        this.groups = groups;
        this.clock = clock;
        this.uses = List.copyOf(uses);
    }

    /** Creates a group. @throws IllegalArgumentException when the key is taken or the rule is refused */
    public Group create(Store store, String key, String name, Condition rule) {
        GroupKeys.requireValid(key);
        if (RESERVED_KEYS.contains(key)) {
            throw new IllegalArgumentException("'" + key + "' is a reserved word of the API and cannot be a group key");
        }
        return live.define(store, state -> {
            if (state.group(key) != null) {
                throw new IllegalArgumentException("a group with key '" + key + "' already exists");
            }
            Instant now = clock.instant();
            return checked(state, new Group(key, name, rule, now, now));
        });
    }

    /**
     * Creates a group whose key is made from its name ({@link GroupKeys#fromName}), unique in the store: the
     * dashboard's way, where nobody types a key. @throws IllegalArgumentException when the rule is refused
     */
    public Group createNamed(Store store, String name, Condition rule) {
        return live.define(store, state -> {
            String key = GroupKeys.fromName(name, k -> state.group(k) != null || RESERVED_KEYS.contains(k));
            Instant now = clock.instant();
            return checked(state, new Group(key, name, rule, now, now));
        });
    }

    /** Changes the name and rule of a group; a null name keeps the name. */
    public Group update(Store store, String key, String name, Condition rule) {
        return live.define(store, state -> {
            Group existing = require(state, key);
            return checked(
                    state, existing.withDefinition(name == null ? existing.name() : name, rule, clock.instant()));
        });
    }

    /**
     * Changes only the name (null keeps it); the rule is the one the group has when the change is
     * made, read while definition changes of the store wait, so a concurrent rule change is never overwritten.
     */
    public Group rename(Store store, String key, String name) {
        return live.define(store, state -> {
            Group existing = require(state, key);
            return checked(
                    state,
                    existing.withDefinition(name == null ? existing.name() : name, existing.rule(), clock.instant()));
        });
    }

    /** Deletes a group with its members and manual lists (its history stays). */
    public void delete(Store store, String key) {
        live.change(store, state -> {
            require(state, key);
            Set<String> namedBy = new TreeSet<>();
            for (Group other : state.groups()) {
                if (other.rule() != null
                        && GroupDependencies.referencedGroups(other.rule()).contains(key)) {
                    namedBy.add(other.key());
                }
            }
            if (!namedBy.isEmpty()) {
                throw new GroupInUse(
                        key,
                        List.copyOf(namedBy),
                        List.of(),
                        "group '" + key + "' cannot be deleted: the rules of " + String.join(", ", namedBy)
                                + " name it");
            }
            List<GroupUses.Use> usedBy = new ArrayList<>();
            uses.forEach(use -> usedBy.addAll(use.of(store.id(), key)));
            if (!usedBy.isEmpty()) {
                throw new GroupInUse(
                        key,
                        List.of(),
                        usedBy,
                        "group '" + key + "' cannot be deleted: "
                                + String.join(
                                        ", ",
                                        usedBy.stream().map(String::valueOf).toList())
                                + (usedBy.size() == 1 ? " aims" : " aim") + " at it; change or delete "
                                + (usedBy.size() == 1 ? "it" : "them") + " first");
            }
            live.persist(store, () -> groups.delete(store.id(), key), Set.of(key), List.of(), null);
            state.forget(key);
            return null;
        });
    }

    static Group require(StoreGroups state, String key) {
        Group group = state.group(key);
        if (group == null) {
            throw new NotFoundException("group '" + key + "' does not exist in this store");
        }
        return group;
    }

    /** The group, once {@link #check} and the store accept it; {@link GroupEngine#define} then evaluates and saves it. */
    private Group checked(StoreGroups state, Group group) {
        check(state, group);
        groups.requireStorable(group);
        return group;
    }

    /** Refuses references to missing groups and cycles, before anything changes. */
    static void check(StoreGroups state, Group group) {
        if (group.rule() == null) {
            return;
        }
        Set<String> missing = new TreeSet<>(GroupDependencies.referencedGroups(group.rule()));
        state.groups().forEach(g -> missing.remove(g.key()));
        missing.remove(group.key());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the rule names groups that do not exist: " + String.join(", ", missing));
        }
        Map<String, Condition> rules = new TreeMap<>();
        state.groups().stream().filter(g -> g.rule() != null).forEach(g -> rules.put(g.key(), g.rule()));
        rules.put(group.key(), group.rule());
        new GroupDependencies(rules).findCycle().ifPresent(path -> {
            throw new GroupCycleException(path);
        });
    }
}
