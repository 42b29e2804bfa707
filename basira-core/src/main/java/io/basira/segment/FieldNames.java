package io.basira.segment;

import java.util.Locale;
import java.util.Optional;

/** Resolves field names in rules, and suggests the nearest known name for a misspelt one. */
public final class FieldNames {

    private static final int MAX_DISTANCE = 3;

    private FieldNames() {}

    public static Optional<SegmentField> resolve(String name) {
        return SegmentField.byFieldName(name);
    }

    /** {@code unknown field 'totl_spent'; did you mean 'total_spent'?} */
    public static String unknownMessage(String name) {
        String message = "unknown field '" + name + "'";
        return nearest(name).map(f -> message + "; did you mean '" + f.fieldName() + "'?").orElse(message);
    }

    /** The field whose name is fewest edits away, if within a few edits and under a third of the name. */
    public static Optional<SegmentField> nearest(String name) {
        String normal = name.toLowerCase(Locale.ROOT);
        SegmentField best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (SegmentField field : SegmentField.values()) {
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
}
