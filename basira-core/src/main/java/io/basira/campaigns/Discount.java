package io.basira.campaigns;

/**
 * The optional single-use discount code a campaign's message carries: {@code percent} off (1 to 100), valid
 * {@code validDays} days (1 to 365) from the moment the message is sent. Made through checkout's coupons.
 */
public record Discount(int percent, int validDays) {

    public Discount {
        InvalidCampaign.requireRange(
                percent, 1, 100, "discount_percent", "discount percent " + percent + " is outside 1 to 100");
        InvalidCampaign.requireRange(
                validDays, 1, 365, "discount_valid_days", "discount valid_days " + validDays + " is outside 1 to 365");
    }
}
