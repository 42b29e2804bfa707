package io.basira.groups;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.audience.ScanAudience;
import io.basira.segment.eval.EvaluationContext;
import io.basira.shared.Store;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The engine's own group evaluation ({@link StoreGroups}, package-private, hence this test helper in its package):
 * the customers as snapshots (attributes, card, analytics card fields), the groups' rules and manual lists, one full
 * evaluation in the engine's order. What the Spark job's groups are compared with.
 */
public final class EngineGroups {

    private EngineGroups() {}

    /** group → its members (groups without members left out), as {@code StoreGroups.evaluate} decides them. */
    public static Map<String, Set<String>> members(
            Store store,
            List<CustomerSnapshot> customers,
            Map<String, Condition> rules,
            Map<String, Set<String>> added,
            Map<String, Set<String>> excluded,
            EvaluationContext context) {
        StoreGroups state = new StoreGroups(store, new ScanAudience());
        customers.forEach(state::upsert);
        Set<String> keys = new TreeSet<>(rules.keySet());
        keys.addAll(added.keySet());
        keys.addAll(excluded.keySet());
        Instant defined = Instant.EPOCH;
        for (String key : keys) {
            state.define(new Group(key, key, rules.get(key), defined, defined));
            state.setManual(key, added.getOrDefault(key, Set.of()), excluded.getOrDefault(key, Set.of()));
        }
        state.evaluate(state.order(), context);
        Map<String, Set<String>> members = new TreeMap<>();
        for (String key : keys) {
            Set<String> ids = new TreeSet<>();
            state.members(key).forEach((int row) -> ids.add(state.customerId(row)));
            if (!ids.isEmpty()) {
                members.put(key, ids);
            }
        }
        return members;
    }
}
