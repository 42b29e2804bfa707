package io.basira.server.browsing;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.EventKind;
import io.basira.browsing.Refusal;
import io.basira.browsing.RefusedEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a beacon's body, {@code {"v": visitor, "s": session, "e": [event, ...]}}, with Jackson's streaming parser:
 * no tree, no map per event, one {@link BrowsingEvent} per good event. Keys in any order; unknown keys, and
 * objects or arrays where a text is expected, are skipped (such a value counts as absent); a number or a boolean
 * is read as its text. Each bad event is refused with its index and reason (in {@link #rejected()}), as is a body
 * that is not JSON or has no {@code e} array of at most {@value #MAX_EVENTS} events.
 */
public final class BeaconBody {

    static final int MAX_EVENTS = 50;

    private static final int TEXTS = 6;
    private static final int KIND = 0;
    private static final int PATH = 1;
    private static final int PRODUCT = 2;
    private static final int CATEGORY = 3;
    private static final int QUERY = 4;
    private static final int CUSTOMER = 5;

    private final List<BrowsingEvent> events = new ArrayList<>(1);
    private List<Map<String, Object>> rejected = List.of();

    private BeaconBody() {}

    /** The events of {@code length} bytes of {@code body}, received at {@code now}. */
    public static BeaconBody read(JsonMapper json, byte[] body, int length, Instant now) {
        BeaconBody read = new BeaconBody();
        String visitor = null;
        String session = null;
        List<String[]> texts = null;
        try (JsonParser parser = json.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return read.refused(parser.currentToken() == null ? "the body is not JSON" : null);
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "v" -> visitor = text(parser, value);
                    case "s" -> session = text(parser, value);
                    case "e" -> texts = value == JsonToken.START_ARRAY ? events(parser) : skipped(parser);
                    default -> parser.skipChildren();
                }
            }
        } catch (JacksonException e) {
            return read.refused("the body is not JSON");
        }
        if (texts == null || texts.size() > MAX_EVENTS) {
            return read.refused(null);
        }
        for (int i = 0; i < texts.size(); i++) {
            String[] t = texts.get(i);
            try {
                read.events.add(new BrowsingEvent(
                        EventKind.ofCode(t[KIND]),
                        visitor,
                        session,
                        now,
                        t[PATH],
                        t[PRODUCT],
                        t[CATEGORY],
                        t[QUERY],
                        t[CUSTOMER]));
            } catch (RefusedEvent refused) {
                read.reject(i, refused.refusal(), refused.getMessage());
            }
        }
        return read;
    }

    /** The good events, in the body's order. */
    public List<BrowsingEvent> events() {
        return events;
    }

    /** Each refusal: {@code index} (absent for the whole body), {@code refusal}, {@code reason}, {@code detail}. */
    public List<Map<String, Object>> rejected() {
        return rejected;
    }

    /** The texts of each event of the array the parser is at, up to one past the most allowed. */
    private static List<String[]> events(JsonParser parser) {
        List<String[]> events = new ArrayList<>(1);
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            String[] texts = new String[TEXTS];
            if (token == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                    int slot = slot(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (slot < 0) {
                        parser.skipChildren();
                    } else {
                        texts[slot] = text(parser, value);
                    }
                }
            } else {
                parser.skipChildren();
            }
            if (events.size() <= MAX_EVENTS) {
                events.add(texts);
            }
        }
        return events;
    }

    private static List<String[]> skipped(JsonParser parser) {
        parser.skipChildren();
        return null;
    }

    private static int slot(String name) {
        return switch (name) {
            case "t" -> KIND;
            case "p" -> PATH;
            case "pr" -> PRODUCT;
            case "ca" -> CATEGORY;
            case "q" -> QUERY;
            case "cu" -> CUSTOMER;
            default -> -1;
        };
    }

    /** A scalar's text (a number or boolean as written), null for null; an object or array is skipped: null. */
    private static String text(JsonParser parser, JsonToken value) {
        if (value == null || value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value.isStructStart()) {
            parser.skipChildren();
            return null;
        }
        return parser.getString();
    }

    /** A body over {@code max} bytes, refused whole. */
    public static BeaconBody tooLong(int max) {
        BeaconBody read = new BeaconBody();
        read.reject(-1, Refusal.BAD_BODY, "a body is at most " + max + " bytes");
        return read;
    }

    /** The whole body refused: not JSON ({@code detail}), or no {@code e} array of at most 50 events (null). */
    private BeaconBody refused(String notJson) {
        events.clear();
        rejected = new ArrayList<>(1);
        reject(
                -1,
                Refusal.BAD_BODY,
                notJson != null ? notJson : "the body needs 'e', an array of at most " + MAX_EVENTS + " events");
        return this;
    }

    private void reject(int index, Refusal refusal, String detail) {
        if (rejected.isEmpty()) {
            rejected = new ArrayList<>(2);
        }
        rejected.add(refusal(index, refusal, detail));
    }

    public static Map<String, Object> refusal(int index, Refusal refusal, String detail) {
        Map<String, Object> line = new LinkedHashMap<>();
        if (index >= 0) {
            line.put("index", index);
        }
        line.put("refusal", refusal);
        line.put("reason", refusal.code());
        line.put("detail", detail);
        return line;
    }
}
