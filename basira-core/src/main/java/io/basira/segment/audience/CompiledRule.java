package io.basira.segment.audience;

import io.basira.index.BoundPredicate;
import io.basira.index.RowSet;
import java.util.function.Function;
import org.roaringbitmap.RoaringBitmap;

/**
 * A rule compiled for one day and bound to one index, with a {@link RowSet} per group it names.
 * Before each evaluation the row sets are pointed at the groups' current members ({@link #loadGroups}),
 * which allocates nothing, so the same bound predicate serves every evaluation of that day.
 */
final class CompiledRule {

    private static final String[] NO_KEYS = {};
    private static final RowSet[] NO_ROWS = {};

    final BoundPredicate bound;
    /** What keeping it costs ({@link RuleCache#weight}). */
    final long weight;

    private final String[] groupKeys;
    private final RowSet[] groupRows;

    CompiledRule(BoundPredicate bound, long weight, String[] groupKeys, RowSet[] groupRows) {
        this.bound = bound;
        this.weight = weight;
        this.groupKeys = groupKeys.length == 0 ? NO_KEYS : groupKeys;
        this.groupRows = groupRows.length == 0 ? NO_ROWS : groupRows;
    }

    void loadGroups(Function<String, RoaringBitmap> groupMembers) {
        for (int i = 0; i < groupKeys.length; i++) {
            RoaringBitmap members = groupMembers.apply(groupKeys[i]);
            if (members == null) {
                throw new IllegalArgumentException("no members were given for group '" + groupKeys[i] + "'");
            }
            groupRows[i].set(members);
        }
    }
}
