package io.basira.groups;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.RuleEvaluator;
import io.basira.segment.eval.RuleExplanation;
import io.basira.segment.group.GroupDependencies;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/** What the groups say without changing anything: member counts, a rule's count before saving, and why. */
public final class GroupInsights {

    /** Why a customer is or is not in a group. */
    public record Why(
            String customerId,
            Group group,
            boolean member,
            boolean byRule,
            boolean added,
            boolean excluded,
            List<RuleExplanation.Leaf> conditions) {}

    private final GroupEngine live;
    private final GroupCustomers customers;

    public GroupInsights(GroupEngine live, GroupCustomers customers) {
        this.live = live;
        this.customers = customers;
    }

    /** Every group of the store with its member count, by key. */
    public Map<Group, Integer> groupsWithCounts(Store store) {
        return live.read(store, state -> {
            Map<Group, Integer> counts = new LinkedHashMap<>();
            state.groups().forEach(g -> counts.put(g, state.members(g.key()).getCardinality()));
            return counts;
        });
    }

    public Map.Entry<Group, Integer> groupWithCount(Store store, String key) {
        return live.read(
                store,
                state -> Map.entry(
                        GroupRules.require(state, key), state.members(key).getCardinality()));
    }

    /**
     * How many customers {@code rule} matches today, without saving it. Named groups must exist. Nothing of
     * the rule stays in memory afterwards ({@link io.basira.segment.audience.CustomerAudience#membersOnce}).
     */
    public int preview(Store store, Condition rule) {
        return live.read(store, state -> {
            requireGroupsExist(state, rule);
            return state.audience()
                    .membersOnce(rule, live.context(store), state.membersLookup())
                    .getCardinality();
        });
    }

    /**
     * The ids of the customers {@code rule} matches today (the dashboard's customer filter), from the
     * store's in-memory audience. Named groups must exist.
     */
    public Set<String> matching(Store store, Condition rule) {
        return live.read(store, state -> {
            requireGroupsExist(state, rule);
            Set<String> ids = new java.util.HashSet<>();
            state.audience()
                    .membersOnce(rule, live.context(store), state.membersLookup())
                    .forEach((int row) -> ids.add(state.customerId(row)));
            return ids;
        });
    }

    /** A read of one store's groups in memory, with today's evaluation context (see {@link #readMemory}). */
    @FunctionalInterface
    public interface MemoryRead<T> {
        T read(StoreGroups state, EvaluationContext today);
    }

    /**
     * Runs {@code read} on the store's groups in memory under the shared lock (the offer simulator's reach):
     * it must only read what it is given, and be quick, as checkout decisions share the lock.
     */
    public <T> T readMemory(Store store, MemoryRead<T> read) {
        return live.read(store, state -> read.read(state, live.context(store)));
    }

    /** The fields rules may name (the catalogue the engine evaluates with). */
    public io.basira.segment.FieldCatalogue fields() {
        return live.fields;
    }

    private static void requireGroupsExist(StoreGroups state, Condition rule) {
        Set<String> missing = new TreeSet<>(GroupDependencies.referencedGroups(rule));
        state.groups().forEach(g -> missing.remove(g.key()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException(
                    "the rule names groups that do not exist: " + String.join(", ", missing));
        }
    }

    /** Each condition of the group's rule for the customer, with the values, and the manual lists. */
    public Why why(Store store, String key, String customerId) {
        CustomerSnapshot snapshot = customers
                .find(store.id(), customerId)
                .orElseThrow(() -> new NotFoundException("customer '" + customerId + "' does not exist in this store"));
        return live.read(store, state -> {
            Group group = GroupRules.require(state, key);
            int row = state.rowOf(customerId);
            Predicate<String> memberOf = k -> row >= 0 && state.members(k).contains(row);
            CustomerProfile profile = CustomerProfile.of(snapshot);
            EvaluationContext context = live.context(store);
            boolean byRule =
                    group.rule() != null && new RuleEvaluator(context).matches(group.rule(), profile, memberOf);
            List<RuleExplanation.Leaf> leaves = group.rule() == null
                    ? List.of()
                    : new RuleExplanation(context).explain(group.rule(), profile, memberOf);
            return new Why(
                    customerId,
                    group,
                    memberOf.test(key),
                    byRule,
                    state.isAdded(key, customerId),
                    state.isExcluded(key, customerId),
                    leaves);
        });
    }
}
