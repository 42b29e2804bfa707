package io.basira.server.webhooks;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code webhook-signature} header (Standard Webhooks, signed by the {@code com.standardwebhooks} library):
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} with each secret still valid, space-separated (during a
 * rotation the previous secret signs too, so a receiver holding either verifies).
 */
public final class WebhookSigner {

    private WebhookSigner() {}

    /** @param secrets {@code whsec_…} secrets, the current one first */
    public static String signature(List<String> secrets, String messageId, long timestampSeconds, String body) {
        return secrets.stream()
                .map(secret -> sign(secret, messageId, timestampSeconds, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String messageId, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(messageId, timestampSeconds, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException(
                    "a webhook could not be signed: " + e.getClass().getSimpleName(), e);
        }
    }
}
