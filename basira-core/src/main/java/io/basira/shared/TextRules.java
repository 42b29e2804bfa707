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

    private static String problem(String value, int maxLength, boolean multiline) {
        if (value == null) {
            return null;
        }
        if (value.length() > maxLength) {
            return "is longer than " + maxLength + " characters (it has " + value.length() + ")";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(multiline && (c == '\t' || c == '\n' || c == '\r'))) {
                return "contains the control character " + codePoint(c) + " at character " + (i + 1);
            }
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains an unpaired surrogate " + codePoint(c) + " at character " + (i + 1)
                        + " (not valid Unicode)";
            }
        }
        return null;
    }

    private static String codePoint(char c) {
        return String.format("U+%04X", (int) c);
    }
}
