package io.basira.campaigns;

/**
 * The optional single-use discount code a campaign's message carries: {@code percent} off (1 to 100), valid
 * {@code validDays} days (1 to 365) from the moment the message is sent. Made through checkout's coupons.
 */
public record Discount(int percent, int validDays) {

    public Discount {
        if (percent < 1 || percent > 100) {
            throw new IllegalArgumentException("discount percent " + percent + " is outside 1 to 100");
        }
        if (validDays < 1 || validDays > 365) {
            throw new IllegalArgumentException("discount valid_days " + validDays + " is outside 1 to 365");
        }
    }
}
