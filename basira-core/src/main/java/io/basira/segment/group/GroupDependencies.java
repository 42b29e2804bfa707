package io.basira.segment.group;

import io.basira.segment.And;
import io.basira.segment.Condition;
import io.basira.segment.InGroup;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.RuleEvaluator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The "group = 'x'" references between a store's groups: which group a rule depends on, whether the
 * references form a cycle ({@code a → b → a}, which has no meaning and must be refused when a rule is
 * saved), and an order in which to evaluate groups so that each is computed after the groups it names.
 *
 * <p>Depth-first search over the keys in sorted order, so results are deterministic. A referenced key
 * without a rule is a group with manual members only (or none); it has no dependencies. Immutable.
 */
public final class GroupDependencies {

    private final Map<String, Condition> rules;
    private final Map<String, Set<String>> references = new TreeMap<>();

    /** @param rules each group's key and rule; groups with manual members only can be left out */
    public GroupDependencies(Map<String, Condition> rules) {
        this.rules = Map.copyOf(rules);
        rules.forEach((key, rule) -> references.put(key, referencedGroups(rule)));
    }

    /** The keys of the groups {@code rule} names, in the order they are written. */
    public static Set<String> referencedGroups(Condition rule) {
        Set<String> keys = new LinkedHashSet<>();
        collect(rule, keys);
        return keys;
    }

    private static void collect(Condition rule, Set<String> keys) {
        if (rule instanceof And and) {
            and.operands().forEach(c -> collect(c, keys));
        } else if (rule instanceof Or or) {
            or.operands().forEach(c -> collect(c, keys));
        } else if (rule instanceof Not not) {
            collect(not.operand(), keys);
        } else if (rule instanceof InGroup group) {
            keys.add(group.groupKey());
        }
    }

    /** A cycle as a path whose first and last keys are the same ({@code [a, b, a]}), if there is one. */
    public Optional<List<String>> findCycle() {
        try {
            evaluationOrder();
            return Optional.empty();
        } catch (GroupCycleException e) {
            return Optional.of(e.path());
        }
    }

    /**
     * Every group with a rule, each after all the groups it references.
     *
     * @throws GroupCycleException when the references form a cycle
     */
    public List<String> evaluationOrder() {
        List<String> order = new ArrayList<>();
        Map<String, Boolean> finished = new HashMap<>();
        for (String key : references.keySet()) {
            visit(key, finished, new ArrayList<>(), order);
        }
        return order;
    }

    private void visit(String key, Map<String, Boolean> finished, List<String> path, List<String> order) {
        if (Boolean.TRUE.equals(finished.get(key))) {
            return;
        }
        int onPath = path.indexOf(key);
        if (onPath >= 0) {
            List<String> cycle = new ArrayList<>(path.subList(onPath, path.size()));
            cycle.add(key);
            throw new GroupCycleException(cycle);
        }
        path.add(key);
        for (String dependency : new TreeSet<>(references.getOrDefault(key, Set.of()))) {
            visit(dependency, finished, path, order);
        }
        path.remove(path.size() - 1);
        finished.put(key, true);
        if (references.containsKey(key)) {
            order.add(key);
        }
    }

    /** Referenced keys that have no rule here (manual-only or unknown groups), sorted. */
    public Set<String> keysWithoutRule() {
        Set<String> unknown = new TreeSet<>();
        references.values().forEach(unknown::addAll);
        unknown.removeAll(references.keySet());
        return unknown;
    }

    /**
     * The groups with a rule that the customer is in, evaluating rules in dependency order. A group
     * without a rule here counts as containing the customer when {@link CustomerProfile#groupKeys()} has it
     * (manual members). Manual additions to and exclusions from rule groups are applied by the caller.
     *
     * @throws GroupCycleException when the references form a cycle
     */
    public Set<String> groupsOf(CustomerProfile profile, RuleEvaluator evaluator) {
        Set<String> in = new HashSet<>();
        for (String key : evaluationOrder()) {
            boolean member = evaluator.matches(
                    rules.get(key),
                    profile,
                    k -> references.containsKey(k)
                            ? in.contains(k)
                            : profile.groupKeys().contains(k));
            if (member) {
                in.add(key);
            }
        }
        return in;
    }
}
