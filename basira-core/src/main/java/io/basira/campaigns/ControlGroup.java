package io.basira.campaigns;

import io.basira.shared.StoreId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Who is kept back as a campaign's control group: a keyed hash (SHA-256 of store, campaign and customer) read as
 * a number in [0, 1), compared with the share. No random state: the same customer in the same campaign is always
 * on the same side, on every instance and after every restart, and is drawn before any cap or consent applies (a
 * control member is recorded, never sent to). Across campaigns the sides are independent.
 */
public final class ControlGroup {

    private ControlGroup() {}

    /** Whether the customer is in the campaign's control group, for a control share of {@code percent} (0–100). */
    public static boolean isControl(StoreId store, long campaignId, String customerId, int percent) {
        if (percent <= 0) {
            return false;
        }
        return position(store, campaignId, customerId) * 100.0 < percent;
    }

    /** The customer's place in [0, 1) for the campaign. */
    static double position(StoreId store, long campaignId, String customerId) {
        byte[] hash = sha256("basira-campaign-control/" + store.value() + "/" + campaignId + "/" + customerId);
        long bits = 0;
        for (int i = 0; i < 7; i++) {
            bits = (bits << 8) | (hash[i] & 0xFF);
        }
        return (bits >>> 3) / (double) (1L << 53); // 53 bits: exact in a double
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
