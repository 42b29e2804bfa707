package io.basira.groups;

import io.basira.events.UseCase;
import io.basira.groups.GroupEngine.Moves;
import io.basira.shared.NotFoundException;
import io.basira.shared.Store;
import java.util.List;
import java.util.Set;
import org.roaringbitmap.RoaringBitmap;

/**
 * Manual additions to and exclusions from a group. An added customer is a member whatever the rule says,
 * an excluded one never is; both survive rule changes until taken back, and a customer is on at most one
 * of the two lists. The customer is re-tested at once against every group (a group naming this one may
 * follow), cause {@code manual}; the change publishes {@link io.basira.events.GroupsRedefined} with its movements.
 */
@UseCase
public final class ManualMembership {

    private final GroupEngine live;
    private final ManualLists manual;

    public ManualMembership(GroupEngine live, ManualLists manual) {
        this.live = live;
        this.manual = manual;
    }

    /**
     * Puts the customer on the list ({@code on}) or takes them off it.
     *
     * @return whether the customer is a member of the group afterwards
     * @throws NotFoundException when the group or the customer does not exist in the store
     */
    public boolean change(Store store, String key, String customerId, ManualList kind, boolean on) {
        return live.change(store, state -> {
            GroupRules.require(state, key);
            int row = state.rowOf(customerId);
            if (row < 0) {
                throw new NotFoundException("customer '" + customerId + "' does not exist in this store");
            }
            boolean added = state.isAdded(key, customerId);
            boolean excluded = state.isExcluded(key, customerId);
            if (kind == ManualList.ADDITIONS) {
                added = on;
                excluded = excluded && !on;
            } else {
                excluded = on;
                added = added && !on;
            }
            state.setManualFor(key, customerId, added, excluded);
            List<Movement> moves = state.retest(RoaringBitmap.bitmapOf(row), live.context(store));
            live.persist(
                    store,
                    () -> {
                        if (on) {
                            manual.put(store.id(), key, customerId, kind);
                        } else {
                            manual.remove(store.id(), key, customerId, kind);
                        }
                    },
                    Set.of(key),
                    List.of(new Moves(MembershipCause.MANUAL, moves)),
                    null);
            return state.members(key).contains(row);
        });
    }
}
