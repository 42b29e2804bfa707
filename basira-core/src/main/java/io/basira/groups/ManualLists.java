package io.basira.groups;

import io.basira.shared.StoreId;
import java.util.Map;
import java.util.Set;

/**
 * Port: the manual additions to and exclusions from a store's groups, by customer id. A customer is on at
 * most one of the two lists of a group: putting them on one takes them off the other. Writes join the
 * caller's transaction ({@link Transactions}).
 */
public interface ManualLists {

    /** Group key → the customer ids on the list, for every group of the store that has any. */
    Map<String, Set<String>> all(StoreId store, ManualList list);

    /** Puts the customer on the list (and off the other one); false when already there. */
    boolean put(StoreId store, String groupKey, String customerId, ManualList list);

    /** Takes the customer off the list; false when not there. */
    boolean remove(StoreId store, String groupKey, String customerId, ManualList list);
}
