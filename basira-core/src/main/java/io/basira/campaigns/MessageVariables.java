package io.basira.campaigns;

import java.time.Instant;
import java.util.List;

/**
 * What the campaign engine knows for one message and the messenger cannot: the cart's items, the single-use
 * coupon made for this message, the points concerned and their expiry, the survey's link. Any of them may
 * be absent (null, or an empty list). The customer's own variables (name) and the unsubscribe link are
 * filled in by the messenger.
 */
public record MessageVariables(
        List<ItemLink> items,
        String couponCode,
        Instant couponExpiresAt,
        Long points,
        Instant pointsExpireAt,
        String surveyUrl) {

    public static final MessageVariables NONE = new MessageVariables(List.of(), null, null, null, null, null);

    public MessageVariables {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
