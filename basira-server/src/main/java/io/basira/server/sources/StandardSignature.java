package io.basira.server.sources;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Standard Webhooks v1 (standard-webhooks spec): {@code webhook-id}, {@code webhook-timestamp} (Unix seconds,
 * within {@link #TOLERANCE} of Basira's clock either way) and {@code webhook-signature}, space-separated
 * {@code v1,<base64>} entries of which one must be the HMAC-SHA256 of {@code id.timestamp.body} keyed with the
 * base64 key after {@code whsec_}. The signature is computed by the {@code com.standardwebhooks} library; the
 * timestamp is checked here against the application's clock (the library's own check reads the system clock)
 * and the comparison is constant-time.
 */
final class StandardSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private StandardSignature() {}

    /** The key bytes of a {@code whsec_} secret. @throws IllegalArgumentException when it is not one */
    static byte[] keyOf(String secret) {
        if (!secret.startsWith(PREFIX)) {
            throw new IllegalArgumentException("a Standard Webhooks secret starts with 'whsec_' followed by base64");
        }
        try {
            byte[] key = Base64.getDecoder().decode(secret.substring(PREFIX.length()));
            if (key.length < 24 || key.length > 64) {
                throw new IllegalArgumentException(
                        "a Standard Webhooks secret holds 24 to 64 bytes, this one " + key.length);
            }
            return key;
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith("a Standard")
                    ? e
                    : new IllegalArgumentException("a Standard Webhooks secret is 'whsec_' followed by base64");
        }
    }

    static Signatures.Refusal check(Delivery delivery, List<String> secrets, Instant now) {
        String id = delivery.header("webhook-id");
        String timestamp = delivery.header("webhook-timestamp");
        String signatures = delivery.header("webhook-signature");
        if (id == null || timestamp == null || signatures == null) {
            return Signatures.Refusal.MISSING;
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Signatures.Refusal.BAD;
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return Signatures.Refusal.STALE;
        }
        String body = new String(delivery.body(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            byte[] expected = expected(secret, id, seconds, body);
            for (String entry : signatures.strip().split(" +")) {
                if (entry.startsWith("v1,")
                        && MessageDigest.isEqual(entry.substring(3).getBytes(StandardCharsets.US_ASCII), expected)) {
                    return null;
                }
            }
        }
        return Signatures.Refusal.BAD;
    }

    /** The base64 signature (without {@code v1,}) of the message. */
    private static byte[] expected(String secret, String id, long seconds, String body) {
        try {
            String signed = new Webhook(secret).sign(id, seconds, body);
            return signed.substring(signed.indexOf(',') + 1).getBytes(StandardCharsets.US_ASCII);
        } catch (WebhookSigningException | EmptyWebhookSecretException e) {
            throw new IllegalStateException("Standard Webhooks signing failed", e);
        }
    }
}
