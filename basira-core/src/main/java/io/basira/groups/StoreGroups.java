package io.basira.groups;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.commerce.Customer;
import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.audience.CustomerAudience;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.RuleEvaluator;
import io.basira.segment.group.GroupDependencies;
import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * One store's groups in memory: its customers in a {@link CustomerAudience}, each group's definition and
 * manual lists, and each group's current members as a bitmap of audience rows.
 *
 * <p>Membership of a group is (rule members ∪ additions) − exclusions, and that final membership is what
 * a rule naming the group ({@code group = 'vip'}) sees. Groups are evaluated in dependency order: manual-only
 * groups first, then {@link GroupDependencies#evaluationOrder()}. Every evaluation returns the
 * {@link Movement}s it made, for the caller to persist.
 *
 * <p>Not thread-safe: {@link GroupEngine} guards the instance its readers see with its locks, and builds a
 * full re-evaluation on a private instance that no other thread sees until it is swapped in. Outside this
 * package an instance is only read, under those locks.
 */
public final class StoreGroups {

    private static final RoaringBitmap EMPTY = new RoaringBitmap();

    private final Store store;
    private final CustomerAudience audience;
    private final List<String> customerIds = new ArrayList<>();
    private final Map<String, Integer> rows = new HashMap<>();
    private final Map<String, Group> groups = new TreeMap<>();
    private final Map<String, Set<String>> additions = new HashMap<>();
    private final Map<String, Set<String>> exclusions = new HashMap<>();
    private final Map<String, RoaringBitmap> members = new HashMap<>();
    private List<String> order = List.of();

    StoreGroups(Store store, CustomerAudience audience) {
        this.store = store;
        this.audience = audience;
    }

    /** The store's customers, groups and manual lists as stored, over the fields of {@code fields}; no membership yet. */
    static StoreGroups read(
            Store store, FieldCatalogue fields, GroupCustomers customers, GroupDefinitions groups, ManualLists manual) {
        StoreGroups state = new StoreGroups(store, Audiences.newAudience(store, fields));
        customers.forEach(store.id(), state::upsert);
        Map<String, Set<String>> added = manual.all(store.id(), ManualList.ADDITIONS);
        Map<String, Set<String>> excluded = manual.all(store.id(), ManualList.EXCLUSIONS);
        for (Group group : groups.all(store.id())) {
            state.define(group);
            state.setManual(
                    group.key(),
                    added.getOrDefault(group.key(), Set.of()),
                    excluded.getOrDefault(group.key(), Set.of()));
        }
        return state;
    }

    public Store store() {
        return store;
    }

    /** The store's customers, as the rules see them. */
    public CustomerAudience audience() {
        return audience;
    }

    /** Adds or refreshes a customer; returns its row. */
    int upsert(CustomerSnapshot customer) {
        int row = audience.upsert(customer);
        if (row == customerIds.size()) {
            customerIds.add(customer.customer().externalId());
            rows.put(customer.customer().externalId(), row);
        }
        return row;
    }

    /** The row of the customer with this store id, or -1. */
    public int rowOf(String customerId) {
        return rows.getOrDefault(customerId, -1);
    }

    public String customerId(int row) {
        return customerIds.get(row);
    }

    /** The keys of the groups the customer is in now, from the live bitmaps; empty for an unknown customer. */
    public Set<String> groupsOf(String customerId) {
        int row = rowOf(customerId);
        Set<String> keys = new TreeSet<>();
        if (row >= 0) {
            members.forEach((key, bitmap) -> {
                if (bitmap.contains(row)) {
                    keys.add(key);
                }
            });
        }
        return keys;
    }

    /**
     * The groups a customer the store does not know (an anonymous visitor) would be in: those whose
     * rule an empty card with no attributes satisfies, in evaluation order; never by manual addition.
     */
    public Set<String> groupsOfNewcomer(EvaluationContext context) {
        CustomerProfile profile = newcomer(context);
        RuleEvaluator evaluator = new RuleEvaluator(context);
        Set<String> keys = new TreeSet<>();
        for (String key : order) {
            Condition rule = groups.get(key).rule();
            if (rule != null && evaluator.matches(rule, profile, keys::contains)) {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * Whether a customer the store does not know (an anonymous visitor) satisfies {@code rule}, seeing the
     * groups {@link #groupsOfNewcomer} puts them in (the offer simulator's reach of a rule).
     */
    public boolean newcomerMatches(Condition rule, EvaluationContext context) {
        Set<String> groupsOfNewcomer = groupsOfNewcomer(context);
        return new RuleEvaluator(context).matches(rule, newcomer(context), groupsOfNewcomer::contains);
    }

    /** The empty card with no attributes of a customer the store does not know, signed up today. */
    private static CustomerProfile newcomer(EvaluationContext context) {
        Customer nobody = new Customer(
                "anonymous",
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                context.today().atStartOfDay(context.zone()).toInstant(),
                Set.of());
        return new CustomerProfile(nobody, CustomerCard.EMPTY);
    }

    public Collection<Group> groups() {
        return groups.values();
    }

    public Group group(String key) {
        return groups.get(key);
    }

    /** Sets (or replaces) a definition without evaluating it. */
    void define(Group group) {
        groups.put(group.key(), group);
        order = evaluationOrder(groups);
    }

    void forget(String key) {
        groups.remove(key);
        additions.remove(key);
        exclusions.remove(key);
        members.remove(key);
        order = evaluationOrder(groups);
    }

    void setManual(String key, Set<String> added, Set<String> excluded) {
        additions.put(key, new TreeSet<>(added));
        exclusions.put(key, new TreeSet<>(excluded));
    }

    /** Puts one customer on or off the group's manual lists. */
    void setManualFor(String key, String customerId, boolean added, boolean excluded) {
        Set<String> additionsOfGroup = additions.computeIfAbsent(key, k -> new TreeSet<>());
        Set<String> exclusionsOfGroup = exclusions.computeIfAbsent(key, k -> new TreeSet<>());
        if (added) {
            additionsOfGroup.add(customerId);
        } else {
            additionsOfGroup.remove(customerId);
        }
        if (excluded) {
            exclusionsOfGroup.add(customerId);
        } else {
            exclusionsOfGroup.remove(customerId);
        }
    }

    public boolean isAdded(String key, String customerId) {
        return additions.getOrDefault(key, Set.of()).contains(customerId);
    }

    public boolean isExcluded(String key, String customerId) {
        return exclusions.getOrDefault(key, Set.of()).contains(customerId);
    }

    /** Sets the members as stored, without movements (loading). Unknown customers are ignored. */
    void setStoredMembers(String key, Set<String> customerIds) {
        RoaringBitmap bitmap = new RoaringBitmap();
        customerIds.stream().mapToInt(this::rowOf).filter(row -> row >= 0).forEach(bitmap::add);
        members.put(key, bitmap);
    }

    /** Puts the customer in row {@code row} in or out of the group, without a movement (re-applying a write). */
    void setMember(String key, int row, boolean member) {
        RoaringBitmap bitmap = members.computeIfAbsent(key, k -> new RoaringBitmap());
        if (member) {
            bitmap.add(row);
        } else {
            bitmap.remove(row);
        }
    }

    /**
     * The membership as it is now, cheap enough to take under a lock: the bitmaps cloned and the row ids
     * copied; read by customer id later, off the lock ({@link Membership#byCustomerId()}).
     */
    Membership membership() {
        Map<String, RoaringBitmap> copy = new HashMap<>();
        members.forEach((key, bitmap) -> copy.put(key, bitmap.clone()));
        return new Membership(copy, List.copyOf(customerIds));
    }

    /** A copy of a store's membership taken at one moment ({@link #membership()}). */
    record Membership(Map<String, RoaringBitmap> bitmaps, List<String> ids) {

        /** Group key → the ids of its members. */
        Map<String, Set<String>> byCustomerId() {
            Map<String, Set<String>> byId = new HashMap<>();
            bitmaps.forEach((key, bitmap) -> {
                Set<String> set = new java.util.HashSet<>(Math.max(16, bitmap.getCardinality() * 2));
                bitmap.forEach((int row) -> set.add(ids.get(row)));
                byId.put(key, set);
            });
            return byId;
        }
    }

    /** The group's members as rows of {@link #audience()}; read it, never change it. */
    public RoaringBitmap members(String key) {
        return members.getOrDefault(key, EMPTY);
    }

    public Function<String, RoaringBitmap> membersLookup() {
        return this::members;
    }

    /** Every group key in evaluation order. */
    public List<String> order() {
        return order;
    }

    /** The groups in {@code keys} and every group naming one of them, directly or not, in evaluation order. */
    List<String> withDependents(Set<String> keys) {
        Set<String> affected = new LinkedHashSet<>(keys);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Group group : groups.values()) {
                if (group.rule() != null
                        && !affected.contains(group.key())
                        && GroupDependencies.referencedGroups(group.rule()).stream()
                                .anyMatch(affected::contains)) {
                    grew = affected.add(group.key()) || grew;
                }
            }
        }
        return order.stream().filter(affected::contains).toList();
    }

    /** Evaluates the groups {@code keys} (in evaluation order) over every customer; returns the movements. */
    List<Movement> evaluate(List<String> keys, EvaluationContext context) {
        List<Movement> movements = new ArrayList<>();
        for (String key : keys) {
            Group group = groups.get(key);
            RoaringBitmap next = group.rule() == null
                    ? new RoaringBitmap()
                    : audience.members(group.rule(), context, membersLookup());
            additions.getOrDefault(key, Set.of()).stream()
                    .mapToInt(this::rowOf)
                    .filter(r -> r >= 0)
                    .forEach(next::add);
            exclusions.getOrDefault(key, Set.of()).stream()
                    .mapToInt(this::rowOf)
                    .filter(r -> r >= 0)
                    .forEach(next::remove);
            RoaringBitmap previous = members(key);
            RoaringBitmap.andNot(next, previous)
                    .forEach((int row) -> movements.add(new Movement(key, customerId(row), true)));
            RoaringBitmap.andNot(previous, next)
                    .forEach((int row) -> movements.add(new Movement(key, customerId(row), false)));
            members.put(key, next);
        }
        return movements;
    }

    /** Re-tests only the customers in {@code rowsToTest} against every group; returns the movements. */
    List<Movement> retest(RoaringBitmap rowsToTest, EvaluationContext context) {
        List<Movement> movements = new ArrayList<>();
        for (String key : order) {
            Group group = groups.get(key);
            RoaringBitmap current = members.computeIfAbsent(key, k -> new RoaringBitmap());
            for (int row : rowsToTest) {
                String customerId = customerId(row);
                boolean member = !isExcluded(key, customerId)
                        && (isAdded(key, customerId)
                                || group.rule() != null
                                        && audience.matches(group.rule(), row, context, membersLookup()));
                if (member != current.contains(row)) {
                    if (member) {
                        current.add(row);
                    } else {
                        current.remove(row);
                    }
                    movements.add(new Movement(key, customerId, member));
                }
            }
        }
        return movements;
    }

    private static List<String> evaluationOrder(Map<String, Group> groups) {
        Map<String, Condition> rules = new TreeMap<>();
        List<String> order = new ArrayList<>();
        groups.values().forEach(g -> {
            if (g.rule() == null) {
                order.add(g.key());
            } else {
                rules.put(g.key(), g.rule());
            }
        });
        order.addAll(new GroupDependencies(rules).evaluationOrder());
        return List.copyOf(order);
    }
}
