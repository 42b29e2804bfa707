package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;

/**
 * Port: what a message carries besides its template, made once per enrolment (asking again answers the same): the
 * single-use discount code (through checkout's coupons), the survey link, the abandoned cart's items.
 */
public interface CampaignExtras {

    /** A single-use coupon for the enrolment, expiring at {@code expiresAt} (or the first one made for it). */
    Coupon coupon(StoreId store, Campaign campaign, Enrolment enrolment, Instant expiresAt);

    /** The public link of the enrolment's one-question survey. */
    String surveyUrl(StoreId store, Campaign campaign, Enrolment enrolment);

    /** The abandoned cart's items when the store sent them; else empty. */
    List<ItemLink> cartItems(StoreId store, String cartId);

    record Coupon(String code, Instant expiresAt) {}
}
