package io.basira.checkout.simulation;

import io.basira.analytics.StoreFacts;
import io.basira.shared.Store;
import java.util.BitSet;
import java.util.Objects;
import java.util.Set;

/**
 * Port: who an offer's target reaches now, from the live membership the checkout decision reads
 * ({@link GroupAudiences} over the groups' memory). Thread-safe.
 */
public interface OfferAudiences {

    /**
     * The reach of {@code target} in {@code store}, and for each customer row of {@code orders}
     * ({@code 0..orders.rows()-1}) whether that customer qualifies now: a customer the store does not know
     * qualifies as an anonymous visitor does, exactly as at checkout.
     *
     * @throws IllegalArgumentException when a rule names a group that does not exist
     */
    Audience reach(Store store, OfferTarget target, StoreFacts orders);

    /**
     * @param customers the store's customers
     * @param members those the target reaches now
     * @param withoutOrders customers with no counted order ({@code order_count = 0})
     * @param membersWithoutOrders those of them the target reaches
     * @param anonymousQualifies whether an anonymous visitor (or a customer the store does not know yet) qualifies
     * @param unknownGroups group keys the target names that the store does not have (they match nobody)
     * @param qualifies by customer row of the order columns
     */
    record Audience(
            int customers,
            int members,
            int withoutOrders,
            int membersWithoutOrders,
            boolean anonymousQualifies,
            Set<String> unknownGroups,
            BitSet qualifies) {
        public Audience {
            unknownGroups = Set.copyOf(unknownGroups);
            Objects.requireNonNull(qualifies, "qualifies");
        }
    }
}
