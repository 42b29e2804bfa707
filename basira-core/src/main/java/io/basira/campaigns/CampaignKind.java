package io.basira.campaigns;

import java.util.Locale;

/** What sets a campaign's messages off (docs/campaigns.md, "Kinds"). */
public enum CampaignKind {
    /** A customer's cart was abandoned: a first reminder after a delay, an optional second one later. */
    ABANDONED_CART,
    /** A customer has not bought for N days (checked at the store's midnight). */
    WIN_BACK,
    /** The customer's birthday (checked at the store's midnight). */
    BIRTHDAY,
    /** One message to the members of one or more groups, now or at a scheduled time. */
    ONE_OFF,
    /** A customer entered one of the campaign's groups. */
    GROUP_ENTRY,
    /** A customer's loyalty points are about to expire. */
    POINTS_EXPIRING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws InvalidCampaign naming the allowed codes */
    public static CampaignKind fromCode(String code) {
        String normal = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (CampaignKind kind : values()) {
            if (kind.code().equals(normal)) {
                return kind;
            }
        }
        String accepted = java.util.Arrays.stream(values())
                .map(CampaignKind::code)
                .collect(java.util.stream.Collectors.joining(", "));
        throw new InvalidCampaign(
                "kind",
                InvalidCampaign.Reason.UNKNOWN_CHOICE,
                "unknown campaign kind '" + code + "', expected one of " + accepted,
                code,
                accepted);
    }
}
