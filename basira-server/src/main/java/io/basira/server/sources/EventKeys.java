package io.basira.server.sources;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What identifies a delivery's event (the inbox's duplicate key) and names its type. Shopify: {@code
 * X-Shopify-Event-Id} (then {@code X-Shopify-Webhook-Id}); Standard Webhooks: {@code webhook-id}; Salla and
 * Zid send no event id: {@code sha256:} and the hex SHA-256 of the raw body, so a redelivery of the same body
 * is the same event and a changed resource is a new one.
 */
public final class EventKeys {

    static final int MAX_LENGTH = 120;

    private EventKeys() {}

    public static String key(Delivery delivery) {
        String id = switch (delivery.platform()) {
            case SHOPIFY -> first(delivery.header("X-Shopify-Event-Id"), delivery.header("X-Shopify-Webhook-Id"));
            case STANDARD -> delivery.header("webhook-id");
            case SALLA, ZID -> null;
        };
        return id != null && !id.isBlank() && id.length() <= MAX_LENGTH - 3
                ? "id:" + id.strip()
                : digest(delivery.body());
    }

    /** The event type: Shopify's topic header, Salla's {@code event}, Standard's {@code type}, Zid's URL {@code event}. */
    public static String topic(Delivery delivery) {
        String topic = switch (delivery.platform()) {
            case SHOPIFY -> delivery.header("X-Shopify-Topic");
            case SALLA -> field(delivery.body(), "event");
            case STANDARD -> field(delivery.body(), "type");
            case ZID -> delivery.event() != null ? delivery.event() : field(delivery.body(), "event");
        };
        if (topic == null || topic.isBlank()) {
            return "unknown";
        }
        String stripped = topic.strip();
        return stripped.length() <= MAX_LENGTH ? stripped : stripped.substring(0, MAX_LENGTH);
    }

    private static String field(byte[] body, String name) {
        try {
            JsonNode value = PayloadJson.MAPPER.readTree(body).get(name);
            return value == null || !value.isString() ? null : value.asString();
        } catch (JacksonException e) {
            return null; // parked when applied, with the reason
        }
    }

    static String digest(byte[] body) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String first(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }
}
