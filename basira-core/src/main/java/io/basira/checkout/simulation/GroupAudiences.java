package io.basira.checkout.simulation;

import io.basira.analytics.StoreFacts;
import io.basira.groups.GroupInsights;
import io.basira.groups.StoreGroups;
import io.basira.segment.Condition;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.group.GroupDependencies;
import io.basira.segment.text.RuleText;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.lang.ref.WeakReference;
import java.util.BitSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.roaringbitmap.RoaringBitmap;

/**
 * The reach of an offer from the groups' memory: the same bitmaps {@link io.basira.groups.GroupEngine#groupsOf}
 * answers checkout from, and for a customer the store does not know, the groups of an empty card
 * ({@link StoreGroups#groupsOfNewcomer}), so the simulator and the decision agree customer by customer.
 * Everything is read in one pass under the groups' shared lock.
 */
public final class GroupAudiences implements OfferAudiences {

    private final GroupInsights groups;
    private final Condition withoutOrders;

    public GroupAudiences(GroupInsights groups) {
        this.groups = groups;
        this.withoutOrders = RuleText.parse("order_count = 0", groups.fields());
    }

    /**
     * The audience row of each customer row of the order columns (-1: a customer the groups do not know), kept
     * per store while both are the same: a customer's row never changes within one {@link StoreGroups} (a new
     * customer grows the audience; a full re-evaluation swaps in another instance), and the columns are
     * immutable. Held weakly, so a replaced memory is not kept alive.
     */
    private record RowMap(WeakReference<StoreGroups> state, WeakReference<StoreFacts> orders, int size, int[] rows) {}

    private final Map<StoreId, RowMap> rowMaps = new ConcurrentHashMap<>();

    private int[] rowsOf(StoreGroups state, StoreFacts orders) {
        StoreId store = state.store().id();
        RowMap known = rowMaps.get(store);
        int size = state.audience().size();
        if (known != null && known.state().get() == state && known.orders().get() == orders && known.size() == size) {
            return known.rows();
        }
        int[] rows = new int[orders.rows()];
        for (int row = 0; row < rows.length; row++) {
            rows[row] = state.rowOf(orders.customerId(row));
        }
        rowMaps.put(store, new RowMap(new WeakReference<>(state), new WeakReference<>(orders), size, rows));
        return rows;
    }

    @Override
    public Audience reach(Store store, OfferTarget target, StoreFacts orders) {
        return groups.readMemory(store, (state, today) -> reach(state, today, target, orders));
    }

    private Audience reach(StoreGroups state, EvaluationContext today, OfferTarget target, StoreFacts orders) {
        int customers = state.audience().size();
        Set<String> unknown = new TreeSet<>();
        RoaringBitmap members;
        boolean anonymous;
        if (target instanceof OfferTarget.Groups g) {
            for (String key : g.eligible().anyOf()) {
                if (state.group(key) == null) {
                    unknown.add(key);
                }
            }
            for (String key : g.eligible().noneOf()) {
                if (state.group(key) == null) {
                    unknown.add(key);
                }
            }
            members = g.eligible().anyOf().isEmpty()
                    ? RoaringBitmap.bitmapOfRange(0, customers)
                    : RoaringBitmap.or(
                            g.eligible().anyOf().stream().map(state::members).iterator());
            if (!g.eligible().noneOf().isEmpty()) {
                members = RoaringBitmap.andNot(
                        members,
                        RoaringBitmap.or(g.eligible().noneOf().stream()
                                .map(state::members)
                                .iterator()));
            }
            anonymous = g.eligible().includes(state.groupsOfNewcomer(today));
        } else {
            Condition rule = ((OfferTarget.Rule) target).rule();
            for (String key : GroupDependencies.referencedGroups(rule)) {
                if (state.group(key) == null) {
                    unknown.add(key);
                }
            }
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException(
                        "the rule names groups that do not exist: " + String.join(", ", unknown));
            }
            members = state.audience().membersOnce(rule, today, state.membersLookup());
            anonymous = state.newcomerMatches(rule, today);
        }
        RoaringBitmap noOrders = state.audience().membersOnce(withoutOrders, today, state.membersLookup());
        int[] rows = rowsOf(state, orders);
        BitSet qualifies = new BitSet(orders.rows());
        for (int row = 0; row < rows.length; row++) {
            int audienceRow = rows[row];
            if (audienceRow >= 0 ? members.contains(audienceRow) : anonymous) {
                qualifies.set(row);
            }
        }
        return new Audience(
                customers,
                members.getCardinality(),
                noOrders.getCardinality(),
                RoaringBitmap.andCardinality(members, noOrders),
                anonymous,
                unknown,
                qualifies);
    }
}
