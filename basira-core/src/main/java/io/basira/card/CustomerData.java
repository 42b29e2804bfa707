package io.basira.card;

import io.basira.analytics.AnalyticsFields;
import io.basira.browsing.BrowsingStats;
import io.basira.commerce.Customer;
import java.util.Set;

/**
 * What a field reads for one customer: the store-given attributes, the card, the analytics card fields of
 * the store's last refresh (null when there are none) and the keys of the groups the customer is known
 * to be in (empty unless the reader is evaluating groups in dependency order). Implemented by
 * {@link CustomerSnapshot} (a customer as stored) and the rule engines' profile.
 */
public interface CustomerData {

    Customer customer();

    CustomerCard card();

    /** The analytics card fields, or null when the store was never refreshed for this customer. */
    AnalyticsFields analytics();

    /** The customer's loyalty standing; {@link LoyaltyStanding#NONE} when there is none. */
    default LoyaltyStanding loyalty() {
        return LoyaltyStanding.NONE;
    }

    /** The customer's browsing aggregates (docs/browsing.md), or null when none of their visitors was seen. */
    default BrowsingStats browsing() {
        return null;
    }

    /** The keys of the groups the customer is known to be in; never null. */
    default Set<String> groupKeys() {
        return Set.of();
    }
}
