package io.basira.server.privacy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A change as a person reads it: field by field, before and after, nested objects flattened to dotted
 * paths ({@code groups.any_of}), lists written as comma-separated text, and group keys replaced by the
 * groups' names. Fields that did not change are left out. Used by the audit log and the checkout audit page.
 */
public final class Changes {

    /** One field that changed; {@code before} null when it was added, {@code after} null when it was removed. */
    public record Change(String field, String before, String after) {}

    private Changes() {}

    /**
     * The fields that differ between {@code before} and {@code after} (either may be null: a creation, a
     * deletion), in the order they appear.
     *
     * @param groupNames a group's name from its key (the key itself when unknown); applied to the values of
     *     fields whose path names groups
     */
    public static List<Change> between(Object before, Object after, Function<String, String> groupNames) {
        Map<String, String> was = flatten(before, groupNames);
        Map<String, String> is = flatten(after, groupNames);
        Set<String> fields = new LinkedHashSet<>(was.keySet());
        fields.addAll(is.keySet());
        List<Change> changes = new ArrayList<>();
        for (String field : fields) {
            String b = was.get(field);
            String a = is.get(field);
            if (b == null ? a != null : !b.equals(a)) {
                changes.add(new Change(field, b, a));
            }
        }
        return changes;
    }

    private static Map<String, String> flatten(Object value, Function<String, String> groupNames) {
        Map<String, String> flat = new LinkedHashMap<>();
        flatten("", value, groupNames, flat);
        return flat;
    }

    private static void flatten(
            String path, Object value, Function<String, String> groupNames, Map<String, String> flat) {
        if (value == null) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) ->
                    flatten(path.isEmpty() ? String.valueOf(key) : path + "." + key, child, groupNames, flat));
            return;
        }
        boolean groups = path.contains("group");
        if (value instanceof Collection<?> list) {
            if (!list.isEmpty()) {
                flat.put(
                        path,
                        list.stream()
                                .map(item -> text(item, groups, groupNames))
                                .collect(Collectors.joining(", ")));
            }
            return;
        }
        flat.put(path.isEmpty() ? "value" : path, text(value, groups, groupNames));
    }

    private static String text(Object value, boolean group, Function<String, String> groupNames) {
        if (value instanceof Map<?, ?> map) {
            return map.entrySet().stream()
                    .map(e -> e.getKey() + ": " + text(e.getValue(), group, groupNames))
                    .collect(Collectors.joining("; "));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        String text = String.valueOf(value);
        return group && value instanceof String ? groupNames.apply(text) : text;
    }
}
