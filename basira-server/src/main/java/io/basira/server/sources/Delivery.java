package io.basira.server.sources;

import java.util.Locale;
import java.util.Map;

/**
 * One request as a platform sent it: the raw body (what signatures cover) and the headers, by lower-case
 * name (the first value of each).
 *
 * @param event the {@code event} query parameter of the URL, or null (Zid's bodies do not name their event)
 */
public record Delivery(Platform platform, Map<String, String> headers, byte[] body, String event) {

    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }
}
