package io.basira.server.webhooks;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** A message's body: {@code {"type": …, "timestamp": ISO-8601, "data": {…}}} (Standard Webhooks' payload). */
public final class WebhookPayloads {

    private final JsonMapper json;

    public WebhookPayloads(JsonMapper json) {
        this.json = json;
    }

    public String body(WebhookMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", message.type());
        // milliseconds: the same text whether the event was read from memory or from the database
        body.put("timestamp", message.timestamp().truncatedTo(ChronoUnit.MILLIS).toString());
        body.put("data", message.data());
        return json.writeValueAsString(body);
    }
}
