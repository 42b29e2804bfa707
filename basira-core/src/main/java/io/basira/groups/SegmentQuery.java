package io.basira.groups;

import io.basira.segment.Condition;
import io.basira.segment.FieldCatalogue;
import io.basira.segment.group.GroupDependencies;
import io.basira.shared.Store;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.roaringbitmap.RoaringBitmap;

/**
 * Use case: the customers a rule matches on a given day, computed afresh from the stored data (the command
 * line's {@code basira segment}). Saved groups the rule names are evaluated as of the same day, with their
 * manual additions and exclusions; nothing is stored.
 */
public final class SegmentQuery {

    private final FieldCatalogue fields;
    private final GroupCustomers customers;
    private final GroupDefinitions groups;
    private final ManualLists manual;

    /** @param fields the fields rules may name (the server's catalogue) */
    public SegmentQuery(FieldCatalogue fields, GroupCustomers customers, GroupDefinitions groups, ManualLists manual) {
        this.fields = Objects.requireNonNull(fields, "fields");
        this.customers = customers;
        this.groups = groups;
        this.manual = manual;
    }

    /**
     * The store ids of the customers matching {@code rule} on {@code asOf} (the store's calendar), sorted.
     *
     * @throws IllegalArgumentException when the rule names a group the store does not have
     */
    public List<String> members(Store store, Condition rule, LocalDate asOf) {
        StoreGroups state = StoreGroups.read(store, fields, customers, groups, manual);
        Set<String> missing = new TreeSet<>(GroupDependencies.referencedGroups(rule));
        state.groups().forEach(g -> missing.remove(g.key()));
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("the rule names groups that do not exist in store '" + store.slug()
                    + "': " + String.join(", ", missing));
        }
        var context = GroupEngine.contextOn(store, asOf);
        state.evaluate(state.order(), context);
        RoaringBitmap rows = state.audience().members(rule, context, state.membersLookup());
        List<String> ids = new ArrayList<>(rows.getCardinality());
        rows.forEach((int row) -> ids.add(state.customerId(row)));
        ids.sort(null);
        return ids;
    }
}
