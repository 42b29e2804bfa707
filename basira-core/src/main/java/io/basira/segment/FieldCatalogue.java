package io.basira.segment;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every rule field, in the order the builder lists them: what the parser and the JSON reader resolve names
 * against, what both rule engines, the field-catalogue endpoint, sorting and the customer export read.
 * Immutable; built from the features' {@link FieldSet}s ({@code io.basira.fields.BuiltInFields#catalogue()}
 * holds the core's, {@link #with} adds a feature's). Names are unique.
 */
public final class FieldCatalogue {

    private static final int MAX_DISTANCE = 3;

    private final Map<String, SegmentField> byName;
    private final List<FieldFamily> families;

    private FieldCatalogue(Map<String, SegmentField> byName, List<FieldFamily> families) {
        this.byName = byName;
        this.families = List.copyOf(families);
    }

    /** The fields of {@code sets}, in order. */
    public static FieldCatalogue of(Collection<? extends FieldSet> sets) {
        return new FieldCatalogue(new LinkedHashMap<>(), List.of()).with(sets);
    }

    /** This catalogue followed by the fields of {@code sets}; a name already present is refused. */
    public FieldCatalogue with(Collection<? extends FieldSet> sets) {
        Map<String, SegmentField> fields = new LinkedHashMap<>(byName);
        List<FieldFamily> withFamilies = new ArrayList<>(families);
        for (FieldSet set : sets) {
            withFamilies.addAll(set.families());
            for (SegmentField field : set.fields()) {
                if (fields.putIfAbsent(field.fieldName(), field) != null) {
                    throw new IllegalArgumentException("field '" + field.fieldName() + "' is registered twice");
                }
            }
        }
        return new FieldCatalogue(fields, withFamilies);
    }

    public FieldCatalogue with(FieldSet... sets) {
        return with(List.of(sets));
    }

    /** Every field, in catalogue order. */
    public List<SegmentField> all() {
        return List.copyOf(byName.values());
    }

    /** The fields customer lists can be sorted by, in catalogue order. */
    public List<SegmentField> sortable() {
        return byName.values().stream().filter(SegmentField::sortable).toList();
    }

    /** The fields of the customer export, in column order. */
    public List<SegmentField> exported() {
        return byName.values().stream().filter(SegmentField::exported).toList();
    }

    public boolean contains(SegmentField field) {
        return byName(field.fieldName()).orElse(null) == field;
    }

    /** The families of fields with a number of days in their name, in registration order. */
    public List<FieldFamily> families() {
        return families;
    }

    /**
     * The field named {@code name}, ignoring case ({@code Total_Spent} is {@code total_spent}): a listed field,
     * else a member of a family ({@code viewed_products_45d}).
     */
    public Optional<SegmentField> byName(String name) {
        String normal = name.toLowerCase(Locale.ROOT);
        SegmentField listed = byName.get(normal);
        if (listed != null) {
            return Optional.of(listed);
        }
        for (FieldFamily family : families) {
            Optional<SegmentField> member = family.field(normal);
            if (member.isPresent()) {
                return member;
            }
        }
        return Optional.empty();
    }

    /** {@code unknown field 'totl_spent'; did you mean 'total_spent'?} */
    public String unknownMessage(String name) {
        String normal = name.toLowerCase(Locale.ROOT);
        for (FieldFamily family : families) {
            Optional<String> outOfRange = family.outOfRange(normal);
            if (outOfRange.isPresent()) {
                return outOfRange.get();
            }
        }
        String message = "unknown field '" + name + "'";
        return nearest(name)
                .map(f -> message + "; did you mean '" + f.fieldName() + "'?")
                .orElse(message);
    }

    /** The field whose name is fewest edits away, if within a few edits and under a third of the name. */
    public Optional<SegmentField> nearest(String name) {
        String normal = name.toLowerCase(Locale.ROOT);
        SegmentField best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SegmentField field : byName.values()) {
            int distance = distance(normal, field.fieldName());
            if (distance < bestDistance) {
                best = field;
                bestDistance = distance;
            }
        }
        boolean close = bestDistance <= MAX_DISTANCE && bestDistance * 3 <= Math.max(normal.length(), 3);
        return close ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein edit distance (insertions, deletions, substitutions). */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitute = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitute, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }

    /** The names of the fields, for messages. */
    public List<String> names() {
        return new ArrayList<>(byName.keySet());
    }
}
