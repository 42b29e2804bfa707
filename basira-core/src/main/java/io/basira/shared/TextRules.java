package io.basira.shared;

/**
 * What text Basira accepts, wherever it comes in (CSV, JSON, NDJSON, dashboard forms): at most a
 * column's length, no C0 control character (U+0000–U+001F, and U+007F), no unpaired surrogate.
 * Multi-line text (a rule's text) may also hold tab, line feed and carriage return.
 *
 * <p>Lengths are counted in UTF-16 code units ({@link String#length()}), so a character outside the
 * Basic Multilingual Plane (an emoji) counts as two. That is the stricter of the two databases'
 * counts (H2 counts code units, PostgreSQL characters), so a value accepted here always fits its
 * {@code VARCHAR(n)} on both.
 *
 * <p>The reasons read after a field name ({@code first_name: is longer than ...}); {@code require*}
 * put the field in front of them.
 */
public final class TextRules {

    private TextRules() {}

    /**
     * Why {@code value} is not acceptable single-line text of at most {@code maxLength} characters,
     * or null when it is (null is acceptable: absence is checked elsewhere).
     */
    public static String lineProblem(String value, int maxLength) {
        return problem(value, maxLength, false);
    }

    /** Like {@link #lineProblem} but tab, line feed and carriage return are allowed. */
    public static String textProblem(String value, int maxLength) {
        return problem(value, maxLength, true);
    }

    /** {@code value} unchanged. @throws IllegalArgumentException "{@code field} reason" */
    public static String requireLine(String value, String field, int maxLength) {
        return require(value, field, lineProblem(value, maxLength));
    }

    /** {@code value} unchanged, multi-line allowed. @throws IllegalArgumentException "{@code field} reason" */
    public static String requireText(String value, String field, int maxLength) {
        return require(value, field, textProblem(value, maxLength));
    }

    private static String require(String value, String field, String problem) {
        if (problem != null) {
            throw new IllegalArgumentException(field + " " + problem);
        }
        return value;
    }

    /**
     * Why {@code value} is not acceptable single-line text, as data (for messages in other languages),
     * or null when it is; the same decision as {@link #lineProblem}.
     */
    public static Refusal lineRefusal(String value, int maxLength) {
        return refusal(value, maxLength, false);
    }

    /** Like {@link #lineRefusal} but tab, line feed and carriage return are allowed. */
    public static Refusal textRefusal(String value, int maxLength) {
        return refusal(value, maxLength, true);
    }

    /**
     * A refusal of text: {@code kind}, the value's {@code length}, the {@code maxLength} it broke, and for a
     * character problem its {@code position} (1-based) and {@code codePoint} ({@code U+0000}).
     */
    public record Refusal(Kind kind, int length, int maxLength, int position, String codePoint) {

        /** What is wrong with the text. */
        public enum Kind {
            TOO_LONG,
            CONTROL_CHARACTER,
            UNPAIRED_SURROGATE
        }

        /** The English reason, read after a field name ({@code is longer than 200 characters (it has 201)}). */
        public String reason() {
            return switch (kind) {
                case TOO_LONG -> "is longer than " + maxLength + " characters (it has " + length + ")";
                case CONTROL_CHARACTER -> "contains the control character " + codePoint + " at character " + position;
                case UNPAIRED_SURROGATE ->
                    "contains an unpaired surrogate " + codePoint + " at character " + position
                            + " (not valid Unicode)";
            };
        }
    }

    private static String problem(String value, int maxLength, boolean multiline) {
        Refusal refusal = refusal(value, maxLength, multiline);
        return refusal == null ? null : refusal.reason();
    }

    private static Refusal refusal(String value, int maxLength, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return new Refusal(Refusal.Kind.TOO_LONG, value.length(), maxLength, 0, null);
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return new Refusal(Refusal.Kind.CONTROL_CHARACTER, value.length(), maxLength, i + 1, codePoint(c));
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Refusal(Refusal.Kind.UNPAIRED_SURROGATE, value.length(), maxLength, i + 1, codePoint(c));
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
