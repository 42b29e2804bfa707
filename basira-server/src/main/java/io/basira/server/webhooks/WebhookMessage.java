package io.basira.server.webhooks;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One webhook message before it is addressed to endpoints: the {@code webhook-id} it keeps on every attempt and
 * every endpoint, its event type, when the fact happened and its {@code data} (JSON values: strings, numbers,
 * booleans, lists, maps).
 */
public record WebhookMessage(String id, String type, Instant timestamp, Map<String, Object> data) {

    public WebhookMessage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(timestamp, "timestamp");
        data = Collections.unmodifiableMap(new LinkedHashMap<>(data)); // keeps the topic's order of fields
    }

    /** The id of the {@code n}th message of type {@code type} made from domain event {@code eventId}: the same every time. */
    public static String idOf(long eventId, String type, int n) {
        return "msg_" + eventId + "_" + type + "_" + n;
    }
}
