package io.basira.server.messaging;

import io.basira.campaigns.Channel;
import io.basira.server.platform.security.SecretBox;
import io.basira.shared.StoreId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The unsubscribe links' tokens: base64url of {@code storeId:channel:customerId}, a dot, and the first 16 bytes
 * of its HMAC-SHA256 under the store's own key (derived from {@code basira.secrets.key} and the store's id, so a
 * token of one store never opens another's, and nothing is stored). A token never expires: an old e-mail's link
 * still unsubscribes.
 */
public final class UnsubscribeTokens {

    /** Whom a valid token names. */
    public record Subject(StoreId store, Channel channel, String customerId) {}

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretBox box;

    public UnsubscribeTokens(SecretBox box) {
        this.box = box;
    }

    public String token(StoreId store, Channel channel, String customerId) {
        byte[] claim = (store.value() + ":" + channel.name() + ":" + customerId).getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(claim) + "." + ENCODER.encodeToString(mac(store, claim));
    }

    public Optional<Subject> open(String token) {
        if (token == null || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        try {
            byte[] claim = DECODER.decode(token.substring(0, dot));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            String[] parts = new String(claim, StandardCharsets.UTF_8).split(":", 3);
            if (parts.length != 3) {
                return Optional.empty();
            }
            StoreId store = new StoreId(Long.parseLong(parts[0]));
            if (!MessageDigest.isEqual(mac(store, claim), given)) {
                return Optional.empty();
            }
            return Optional.of(new Subject(store, Channel.valueOf(parts[1]), parts[2]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The path segment of the store's inbound SMS address ({@code /sms/inbound/TOKEN}): the store's id and its HMAC
     * under a key of the store's own, kept apart from the unsubscribe links' key. Nothing stored; unguessable, so a
     * gateway that does not sign its requests (Unifonic, a generic one) is still told apart from a stranger.
     */
    public String inboundToken(StoreId store) {
        byte[] claim = ("sms-inbound:" + store.value()).getBytes(StandardCharsets.UTF_8);
        return store.value() + "." + ENCODER.encodeToString(mac(store, claim, "basira-sms-inbound-v1:"));
    }

    /** The store an inbound SMS token names, when it verifies. */
    public Optional<StoreId> openInbound(String token) {
        if (token == null || token.length() > 100) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        try {
            StoreId store = new StoreId(Long.parseLong(token.substring(0, Math.max(dot, 0))));
            byte[] given = DECODER.decode(token.substring(dot + 1));
            byte[] claim = ("sms-inbound:" + store.value()).getBytes(StandardCharsets.UTF_8);
            return MessageDigest.isEqual(mac(store, claim, "basira-sms-inbound-v1:"), given)
                    ? Optional.of(store)
                    : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(StoreId store, byte[] claim) {
        return mac(store, claim, "basira-unsubscribe-v1:");
    }

    private byte[] mac(StoreId store, byte[] claim, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(box.derivedKey(purpose + store.value()), "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(claim), 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
