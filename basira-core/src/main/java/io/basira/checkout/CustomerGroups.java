package io.basira.checkout;

import io.basira.shared.StoreId;
import java.util.Set;

/**
 * Port: the groups a customer is in right now, from the live membership the groups engine keeps in
 * memory per store (never a database query at checkout).
 *
 * <p>An anonymous visitor ({@code customerExternalId} null) is in the groups whose rule a customer
 * with an empty card and no attributes satisfies (for example "new: order_count = 0"), and in no
 * group by manual addition. A customer the store does not know yet is treated the same way.
 *
 * <p>Implementations are thread-safe: checkouts run concurrently.
 *
 * @see io.basira.segment.audience.CustomerAudience
 */
public interface CustomerGroups {

    /** The group keys the customer is in; empty when none. Never null. */
    Set<String> groupsOf(StoreId store, String customerExternalId);
}
