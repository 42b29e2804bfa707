package io.basira.card;

import io.basira.analytics.AnalyticsFields;
import io.basira.browsing.BrowsingStats;
import io.basira.commerce.Customer;
import java.util.Objects;

/**
 * A customer as stored: the store-given attributes, the current card, the analytics card fields of the
 * store's last analytics refresh ({@code analytics}, null when the store was never refreshed or the
 * customer was not there yet), the loyalty standing ({@link LoyaltyStanding#NONE} without one), the browsing
 * aggregates ({@code browsing}, null when the customer was never seen browsing), and {@code rowId}, the
 * installation's stable numeric id of the customer (the key of the in-memory index).
 */
public record CustomerSnapshot(
        long rowId,
        Customer customer,
        CustomerCard card,
        AnalyticsFields analytics,
        LoyaltyStanding loyalty,
        BrowsingStats browsing)
        implements CustomerData {

    public CustomerSnapshot {
        Objects.requireNonNull(customer, "customer");
        Objects.requireNonNull(card, "card");
        loyalty = loyalty == null ? LoyaltyStanding.NONE : loyalty;
    }

    /** A customer never seen browsing. */
    public CustomerSnapshot(
            long rowId, Customer customer, CustomerCard card, AnalyticsFields analytics, LoyaltyStanding loyalty) {
        this(rowId, customer, card, analytics, loyalty, null);
    }

    /** A customer without a loyalty standing. */
    public CustomerSnapshot(
            long rowId, Customer customer, CustomerCard card, AnalyticsFields analytics, BrowsingStats browsing) {
        this(rowId, customer, card, analytics, LoyaltyStanding.NONE, browsing);
    }

    /** A customer without a loyalty standing, never seen browsing. */
    public CustomerSnapshot(long rowId, Customer customer, CustomerCard card, AnalyticsFields analytics) {
        this(rowId, customer, card, analytics, LoyaltyStanding.NONE, null);
    }

    /** A customer without analytics card fields. */
    public CustomerSnapshot(long rowId, Customer customer, CustomerCard card) {
        this(rowId, customer, card, null, LoyaltyStanding.NONE, null);
    }
}
