package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What each trigger enrols (docs/campaigns.md, "Kinds"): the trigger keys and due times of a campaign's messages
 * for one customer and one occasion, with the customer's side (treatment or control) drawn once per customer and
 * campaign by {@link ControlGroup}. Pure: the caller stores the result, once.
 */
public final class Triggers {

    private Triggers() {}

    /**
     * An abandoned cart: the first reminder {@code firstDelay} after {@code abandonedAt}, the second (when set)
     * {@code secondDelay} after the first. Keys {@code cart:ID:1} and {@code cart:ID:2}.
     */
    public static List<NewEnrolment> abandonedCart(
            StoreId store, Campaign campaign, String customerId, String cartId, Instant abandonedAt) {
        requireKind(campaign, CampaignKind.ABANDONED_CART);
        Arm arm = arm(store, campaign, customerId);
        List<NewEnrolment> planned = new ArrayList<>(2);
        Instant first = abandonedAt.plus(campaign.firstDelay());
        planned.add(
                new NewEnrolment(campaign.id(), customerId, "cart:" + cartId + ":1", cartId, arm, abandonedAt, first));
        if (campaign.secondDelay() != null) {
            planned.add(new NewEnrolment(
                    campaign.id(),
                    customerId,
                    "cart:" + cartId + ":2",
                    cartId,
                    arm,
                    abandonedAt,
                    first.plus(campaign.secondDelay())));
        }
        return planned;
    }

    /**
     * A customer inactive since {@code lastPurchaseAt}: one message per spell of inactivity (key
     * {@code win-back:} and the last purchase's day), due {@code now}.
     */
    public static NewEnrolment winBack(
            StoreId store, Campaign campaign, String customerId, LocalDate lastPurchaseDay, Instant now) {
        requireKind(campaign, CampaignKind.WIN_BACK);
        return new NewEnrolment(
                campaign.id(),
                customerId,
                "win-back:" + lastPurchaseDay,
                null,
                arm(store, campaign, customerId),
                now,
                now);
    }

    /** A birthday: one message a year (key {@code birthday:YEAR}), due {@code now}. */
    public static NewEnrolment birthday(StoreId store, Campaign campaign, String customerId, int year, Instant now) {
        requireKind(campaign, CampaignKind.BIRTHDAY);
        return new NewEnrolment(
                campaign.id(), customerId, "birthday:" + year, null, arm(store, campaign, customerId), now, now);
    }

    /** A one-off message: once per customer (key {@code one-off}), due at the schedule or {@code now}. */
    public static NewEnrolment oneOff(StoreId store, Campaign campaign, String customerId, Instant now) {
        requireKind(campaign, CampaignKind.ONE_OFF);
        Instant due =
                campaign.scheduledAt() != null && campaign.scheduledAt().isAfter(now) ? campaign.scheduledAt() : now;
        return new NewEnrolment(campaign.id(), customerId, "one-off", null, arm(store, campaign, customerId), due, due);
    }

    /** An entry into a group (key {@code entered:GROUP:EVENT}: one message per entry), due {@code now}. */
    public static NewEnrolment groupEntry(
            StoreId store,
            Campaign campaign,
            String customerId,
            String groupKey,
            String entryId,
            Instant enteredAt,
            Instant now) {
        requireKind(campaign, CampaignKind.GROUP_ENTRY);
        return new NewEnrolment(
                campaign.id(),
                customerId,
                "entered:" + groupKey + ":" + entryId,
                null,
                arm(store, campaign, customerId),
                enteredAt,
                now);
    }

    /** Points about to expire: one message per expiry date (key {@code points:DATE}), due {@code now}. */
    public static NewEnrolment pointsExpiring(
            StoreId store, Campaign campaign, String customerId, LocalDate expiresOn, Instant now) {
        requireKind(campaign, CampaignKind.POINTS_EXPIRING);
        return new NewEnrolment(
                campaign.id(), customerId, "points:" + expiresOn, null, arm(store, campaign, customerId), now, now);
    }

    private static Arm arm(StoreId store, Campaign campaign, String customerId) {
        return ControlGroup.isControl(store, campaign.id(), customerId, campaign.controlPercent())
                ? Arm.CONTROL
                : Arm.TREATMENT;
    }

    private static void requireKind(Campaign campaign, CampaignKind kind) {
        if (campaign.kind() != kind) {
            throw new IllegalArgumentException(
                    "campaign " + campaign.id() + " is " + campaign.kind().code() + ", not " + kind.code());
        }
    }
}
