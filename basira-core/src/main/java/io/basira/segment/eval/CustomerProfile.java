package io.basira.segment.eval;

import io.basira.analytics.AnalyticsFields;
import io.basira.browsing.BrowsingStats;
import io.basira.card.CustomerCard;
import io.basira.card.CustomerData;
import io.basira.card.CustomerSnapshot;
import io.basira.card.LoyaltyStanding;
import io.basira.commerce.Customer;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a rule can look at for one customer: the store's attributes, the card's indicators, the
 * analytics card fields of the store's last refresh ({@code analytics}, null when there are none: then every
 * analytics field is null) and the keys of the groups the customer is already known to be in (computed
 * before, in dependency order, or given by manual additions), the loyalty standing ({@link LoyaltyStanding#NONE}
 * without one) and the browsing aggregates ({@code browsing}, null when the customer was never seen browsing).
 * {@code groupKeys} is never null.
 */
public record CustomerProfile(
        Customer customer,
        CustomerCard card,
        Set<String> groupKeys,
        AnalyticsFields analytics,
        LoyaltyStanding loyalty,
        BrowsingStats browsing)
        implements CustomerData {
    public CustomerProfile {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(card, "card");
        groupKeys = groupKeys == null ? Set.of() : Set.copyOf(groupKeys);
        loyalty = loyalty == null ? LoyaltyStanding.NONE : loyalty;
    }

    public CustomerProfile(
            Customer customer,
            CustomerCard card,
            Set<String> groupKeys,
            AnalyticsFields analytics,
            LoyaltyStanding loyalty) {
        this(customer, card, groupKeys, analytics, loyalty, null);
    }

    public CustomerProfile(
            Customer customer,
            CustomerCard card,
            Set<String> groupKeys,
            AnalyticsFields analytics,
            BrowsingStats browsing) {
        this(customer, card, groupKeys, analytics, LoyaltyStanding.NONE, browsing);
    }

    public CustomerProfile(Customer customer, CustomerCard card, Set<String> groupKeys, AnalyticsFields analytics) {
        this(customer, card, groupKeys, analytics, LoyaltyStanding.NONE, null);
    }

    public CustomerProfile(Customer customer, CustomerCard card, Set<String> groupKeys) {
        this(customer, card, groupKeys, null, LoyaltyStanding.NONE, null);
    }

    public CustomerProfile(Customer customer, CustomerCard card) {
        this(customer, card, Set.of(), null, LoyaltyStanding.NONE, null);
    }

    /** The stored customer with its analytics, in no group yet. */
    public static CustomerProfile of(CustomerSnapshot snapshot) {
        return new CustomerProfile(
                snapshot.customer(),
                snapshot.card(),
                Set.of(),
                snapshot.analytics(),
                snapshot.loyalty(),
                snapshot.browsing());
    }

    /** The store's own id of the customer. */
    public String externalId() {
        return customer.externalId();
    }
}
