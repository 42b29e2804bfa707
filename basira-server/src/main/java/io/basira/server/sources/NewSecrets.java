package io.basira.server.sources;

import io.basira.server.platform.errors.CodedRefusal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret a source starts with or rotates to: the merchant's own (checked for its platform's form), or
 * one Basira makes where the platform lets the receiver choose it (Zid's Basic credentials, a Standard
 * Webhooks {@code whsec_} secret). Salla and Shopify choose their secrets themselves: those must be given.
 */
public final class NewSecrets {

    public static final int MAX_LENGTH = 500;
    private static final SecureRandom RANDOM = new SecureRandom();

    private NewSecrets() {}

    /** The given secret, checked, or a new one. @throws IllegalArgumentException saying what to give */
    public static String of(Platform platform, String given) {
        if (given == null || given.isBlank()) {
            return switch (platform) {
                case ZID -> "basira:" + HexFormat.of().formatHex(bytes(24));
                case STANDARD -> "whsec_" + Base64.getEncoder().encodeToString(bytes(32));
                case SALLA ->
                    throw new CodedRefusal(
                            "sources.error.needs-secret.salla",
                            "a Salla source needs its secret: the webhook secret"
                                    + " (or token) of the Salla app or webhook, from Salla's dashboard");
                case SHOPIFY ->
                    throw new CodedRefusal(
                            "sources.error.needs-secret.shopify",
                            "a Shopify source needs its secret: the app's client"
                                    + " secret, or the signing secret Shopify's admin shows under Notifications > Webhooks");
            };
        }
        String secret = given.strip();
        if (secret.length() > MAX_LENGTH || secret.chars().anyMatch(c -> c < 0x21 || c > 0x7e)) {
            throw new CodedRefusal(
                    "sources.error.secret-form",
                    "secret: at most " + MAX_LENGTH + " printable ASCII characters without spaces",
                    MAX_LENGTH);
        }
        if (platform == Platform.ZID && secret.indexOf(':') < 1) {
            throw new CodedRefusal(
                    "sources.error.zid-secret", "a Zid secret is the webhook's Basic credentials 'username:password'");
        }
        if (platform == Platform.STANDARD) {
            try {
                StandardSignature.keyOf(secret);
            } catch (IllegalArgumentException e) {
                throw new CodedRefusal("sources.error.standard-secret", e.getMessage());
            }
        }
        return secret;
    }

    public static String sourceId() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder id = new StringBuilder("src_");
        for (int i = 0; i < 20; i++) {
            id.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return id.toString();
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
