package io.basira.events;

import io.basira.shared.StoreId;

/**
 * A fact about one store, in the past tense. Events are records of plain values (ids, statuses,
 * dates), small enough to store and send: a listener that needs more reads the current state.
 */
public sealed interface DomainEvent
        permits OrdersRecorded,
                CustomersChanged,
                CardsChanged,
                MembershipChanged,
                GroupsRedefined,
                AnalyticsRefreshed,
                WebhookReceived,
                LoyaltyChanged,
                BrowsingChanged,
                CampaignsChanged {

    StoreId store();

    /** The stable name stored with the event and shown by the API, e.g. {@code cards_changed}. */
    String type();
}
