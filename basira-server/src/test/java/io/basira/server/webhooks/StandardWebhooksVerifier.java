package io.basira.server.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's verification written from the Standard Webhooks specification alone (not with the library the sender
 * uses): the secret is the base64 after {@code whsec_}; the signed content is {@code id.timestamp.body}; the header
 * holds space-separated {@code v1,<base64 HMAC-SHA256>} entries, one of which must match (constant-time).
 */
public final class StandardWebhooksVerifier {

    private StandardWebhooksVerifier() {}

    public static boolean verifies(String secret, String id, String timestamp, String body, String signatureHeader) {
        byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
        byte[] expected;
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            expected = Base64.getEncoder()
                    .encode(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        for (String entry : signatureHeader.split(" ")) {
            int comma = entry.indexOf(',');
            if (comma > 0
                    && entry.substring(0, comma).equals("v1")
                    && MessageDigest.isEqual(
                            expected, entry.substring(comma + 1).getBytes(StandardCharsets.US_ASCII))) {
                return true;
            }
        }
        return false;
    }
}
