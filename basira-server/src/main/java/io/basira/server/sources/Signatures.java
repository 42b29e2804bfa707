package io.basira.server.sources;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Each platform's own proof that a delivery is genuine (docs/connect.md), checked against every secret valid
 * now (two during a rotation). All comparisons are constant-time ({@link MessageDigest#isEqual}).
 * <ul>
 *   <li>Salla: {@code X-Salla-Signature}, the hex HMAC-SHA256 of the raw body keyed with the secret; or, when
 *       {@code X-Salla-Security-Strategy: Token}, {@code Authorization: Bearer <secret>}.</li>
 *   <li>Shopify: {@code X-Shopify-Hmac-Sha256}, the base64 HMAC-SHA256 of the raw body.</li>
 *   <li>Zid: {@code Authorization: Basic base64(username:password)}, the secret being {@code username:password}.</li>
 *   <li>Standard Webhooks: {@link StandardSignature}.</li>
 * </ul>
 */
public final class Signatures {

    /** Why a delivery was refused: the label of the rejection counter. */
    public enum Refusal {
        MISSING,
        BAD,
        STALE
    }

    private Signatures() {}

    /** @return null when the delivery is genuine, else why not */
    public static Refusal check(Delivery delivery, List<String> secrets, Instant now) {
        return switch (delivery.platform()) {
            case SALLA -> salla(delivery, secrets);
            case SHOPIFY -> hmac(delivery.header("X-Shopify-Hmac-Sha256"), delivery.body(), secrets, false);
            case ZID -> basic(delivery.header("Authorization"), secrets);
            case STANDARD -> StandardSignature.check(delivery, secrets, now);
        };
    }

    private static Refusal salla(Delivery delivery, List<String> secrets) {
        String strategy = delivery.header("X-Salla-Security-Strategy");
        if (strategy != null && strategy.strip().equalsIgnoreCase("token")) {
            String authorization = delivery.header("Authorization");
            if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                return Refusal.MISSING;
            }
            return anyEqual(authorization.substring(7).strip(), secrets) ? null : Refusal.BAD;
        }
        return hmac(delivery.header("X-Salla-Signature"), delivery.body(), secrets, true);
    }

    private static Refusal hmac(String presented, byte[] body, List<String> secrets, boolean hex) {
        if (presented == null || presented.isBlank()) {
            return Refusal.MISSING;
        }
        byte[] given = presented.strip().getBytes(StandardCharsets.US_ASCII);
        for (String secret : secrets) {
            byte[] mac = hmacSha256(secret.getBytes(StandardCharsets.UTF_8), body);
            String expected =
                    hex ? HexFormat.of().formatHex(mac) : Base64.getEncoder().encodeToString(mac);
            byte[] wanted = expected.getBytes(StandardCharsets.US_ASCII);
            if (MessageDigest.isEqual(hex ? lower(given) : given, wanted)) {
                return null;
            }
        }
        return Refusal.BAD;
    }

    private static Refusal basic(String authorization, List<String> secrets) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Refusal.MISSING;
        }
        String credentials;
        try {
            credentials = new String(
                    Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Refusal.BAD;
        }
        return anyEqual(credentials, secrets) ? null : Refusal.BAD;
    }

    private static boolean anyEqual(String presented, List<String> secrets) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        boolean found = false;
        for (String secret : secrets) {
            found |= MessageDigest.isEqual(given, secret.getBytes(StandardCharsets.UTF_8));
        }
        return found;
    }

    static byte[] hmacSha256(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private static byte[] lower(byte[] ascii) {
        byte[] copy = ascii.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] >= 'A' && copy[i] <= 'F') {
                copy[i] = (byte) (copy[i] + 32);
            }
        }
        return copy;
    }
}
