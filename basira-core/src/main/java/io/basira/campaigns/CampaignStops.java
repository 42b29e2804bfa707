package io.basira.campaigns;

import io.basira.shared.StoreId;

/**
 * Port: whether an enrolment's occasion has passed before its message went (an abandoned cart bought, the
 * customer ordered since the trigger). Read at the moment of sending, so a stop is never missed whatever way the
 * order or cart arrived.
 */
public interface CampaignStops {

    /** @return why the message must not go ({@code cart_bought}, {@code customer_ordered}), or null */
    String stopReason(StoreId store, Campaign campaign, Enrolment enrolment);
}
