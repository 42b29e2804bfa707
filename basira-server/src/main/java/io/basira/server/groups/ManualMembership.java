package io.basira.server.groups;

import io.basira.server.api.ApiErrors.NotFound;
import io.basira.server.jdbc.JdbcManualMembers;
import io.basira.server.jdbc.JdbcManualMembers.Kind;
import io.basira.shared.Store;
import java.util.List;
import org.roaringbitmap.RoaringBitmap;

/**
 * Manual additions to and exclusions from a group. An added customer is a member whatever the rule says,
 * an excluded one never is; both survive rule changes until taken back, and a customer is on at most one
 * of the two lists. The customer is re-tested at once against every group (a group naming this one may
 * follow), cause {@code manual}.
 */
public final class ManualMembership {

    private final LiveGroups live;
    private final JdbcManualMembers manual;

    public ManualMembership(LiveGroups live, JdbcManualMembers manual) {
        this.live = live;
        this.manual = manual;
    }

    /**
     * Puts the customer on the list ({@code on}) or takes them off it.
     *
     * @return whether the customer is a member of the group afterwards
     * @throws NotFound when the group or the customer does not exist in the store
     */
    public boolean change(Store store, String key, String customerId, Kind kind, boolean on) {
        return live.change(store, state -> {
            GroupRules.require(state, key);
            int row = state.rowOf(customerId);
            if (row < 0) {
                throw new NotFound("customer '" + customerId + "' does not exist in this store");
            }
            boolean added = state.isAdded(key, customerId);
            boolean excluded = state.isExcluded(key, customerId);
            if (kind == Kind.ADDITIONS) {
                added = on;
                excluded = excluded && !on;
            } else {
                excluded = on;
                added = added && !on;
            }
            state.setManualFor(key, customerId, added, excluded);
            List<Movement> moves = state.retest(RoaringBitmap.bitmapOf(row), live.context(store));
            live.persist(store, moves, MembershipCause.MANUAL, () -> {
                if (on) {
                    manual.put(store.id(), key, customerId, kind);
                } else {
                    manual.remove(store.id(), key, customerId, kind);
                }
            });
            return state.members(key).contains(row);
        });
    }
}
