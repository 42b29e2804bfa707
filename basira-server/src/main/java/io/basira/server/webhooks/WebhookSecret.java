package io.basira.server.webhooks;

import java.security.SecureRandom;
import java.util.Base64;

/** An endpoint's signing secret: {@code whsec_} and 32 random bytes in base64 (Standard Webhooks). */
final class WebhookSecret {

    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {}

    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }
}
