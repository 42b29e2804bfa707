package io.basira.server.privacy;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.node.StringNode;

/**
 * JSON payloads (webhook bodies, events, audit changes) and a person: whether one is about the person (a
 * text or number value equal to their id, e-mail or phone, ignoring case), and the payload with the person's
 * values replaced. A value is compared whole, so "1" does not match "12" or a key named "1".
 */
final class Payloads {

    private final JsonMapper json;

    Payloads(JsonMapper json) {
        this.json = json;
    }

    /**
     * Whether the JSON {@code text} holds one of {@code keys} as a text value (or, when {@code numbers}, as a number:
     * a platform's body writes its ids as numbers); text that is not JSON holds none.
     */
    boolean mentions(String text, List<String> keys, boolean numbers) {
        JsonNode node = read(text);
        return node != null && mentions(node, lower(keys), numbers);
    }

    /** The parsed payload, or its text when it is not JSON: what the export shows. */
    Object readable(String text) {
        JsonNode node = read(text);
        return node == null ? text : json.convertValue(node, Object.class);
    }

    /**
     * {@code text} with every text value equal to one of {@code replacements}' keys (ignoring case) replaced by its
     * value; null when nothing was replaced (or the text is not JSON).
     */
    String replace(String text, Map<String, String> replacements) {
        JsonNode node = read(text);
        if (node == null) {
            return null;
        }
        Map<String, String> lower = replacements.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a));
        JsonNode replaced = replace(node, lower);
        return replaced == null ? null : json.writeValueAsString(replaced);
    }

    private JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static Set<String> lower(List<String> keys) {
        return keys.stream().map(k -> k.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    }

    private static boolean mentions(JsonNode node, Set<String> keys, boolean numbers) {
        if (node.isString() || numbers && node.isNumber()) {
            return keys.contains(node.asString().toLowerCase(Locale.ROOT));
        }
        for (JsonNode child : node.values()) {
            if (mentions(child, keys, numbers)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The node with text values replaced (the same node, changed in place), or null when nothing matched. Numbers are
     * left: in Basira's own payloads ids are text, and a number equal to an id is something else (a store, a count).
     */
    private static JsonNode replace(JsonNode node, Map<String, String> replacements) {
        if (node.isString()) {
            String by = replacements.get(node.asString().toLowerCase(Locale.ROOT));
            return by == null ? null : StringNode.valueOf(by);
        }
        boolean changed = false;
        if (node instanceof ObjectNode object) {
            for (String name : List.copyOf(object.propertyNames())) {
                JsonNode by = replace(object.get(name), replacements);
                if (by != null) {
                    object.set(name, by);
                    changed = true;
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                JsonNode by = replace(array.get(i), replacements);
                if (by != null) {
                    array.set(i, by);
                    changed = true;
                }
            }
        }
        return changed ? node : null;
    }
}
