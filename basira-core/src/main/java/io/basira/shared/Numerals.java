package io.basira.shared;

import java.math.BigDecimal;

/**
 * The one reading of numbers typed by people: every way in (CSV and JSON records, the dashboard's forms, the
 * rule language, query parameters) folds a number through here before parsing it, so {@code ١٥}, {@code ۱۵}
 * and {@code 15} are the same number everywhere.
 *
 * <p>Accepted, and folded to ASCII:
 * <ul>
 *   <li>digits: ASCII {@code 0-9}, Arabic-Indic {@code ٠-٩} (U+0660–0669) and Extended Arabic-Indic, the
 *       Persian and Urdu ones, {@code ۰-۹} (U+06F0–06F9), mixed or not;</li>
 *   <li>the decimal separator: {@code .} or the Arabic decimal separator {@code ٫} (U+066B), at most one;</li>
 *   <li>thousands separators: the Arabic thousands separator {@code ٬} (U+066C) or the Arabic comma
 *       {@code ،} (U+060C), only where unambiguous: between groups of exactly three digits, before the
 *       decimal separator, the first group one to three digits ({@code ١٬٥٠٠٫٥٠} is 1500.50; {@code ١،٥} is
 *       refused, since it may mean 1.5). The ASCII comma stays refused: in CSV and the rule language it
 *       separates values;</li>
 *   <li>a sign {@code +} or {@code -}, or the Arabic minus (U+2212) at the start; an Arabic letter mark
 *       or left-to-right/right-to-left mark (U+061C, U+200E, U+200F), which right-to-left keyboards and
 *       copied text add around numbers, is ignored.</li>
 * </ul>
 * No exponent, no spaces inside. Stateless and thread-safe.
 */
public final class Numerals {

    /** The Arabic decimal separator {@code ٫}. */
    public static final char ARABIC_DECIMAL = '\u066B';
    /** The Arabic thousands separator {@code ٬}. */
    public static final char ARABIC_THOUSANDS = '\u066C';
    /** The Arabic comma {@code ،}. */
    public static final char ARABIC_COMMA = '\u060C';

    private Numerals() {}

    /** The ASCII value (0–9) of a digit of any of the accepted scripts, or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= '\u0660' && c <= '\u0669') {
            return c - '\u0660';
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return c - '\u06F0';
        }
        return -1;
    }

    /**
     * {@code text} with every Arabic-Indic or Persian digit as its ASCII digit and nothing else changed (a date typed
     * {@code ٢٠٢٦-٠٣-٠١} reads as {@code 2026-03-01}); null stays null.
     */
    public static String asciiDigits(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder ascii = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c > '9' && isDigit(c)) {
                if (ascii == null) {
                    ascii = new StringBuilder(text);
                }
                ascii.setCharAt(i, (char) ('0' + digit(c)));
            }
        }
        return ascii == null ? text : ascii.toString();
    }

    /** Whether {@code c} is a digit of one of the accepted scripts. */
    public static boolean isDigit(char c) {
        return digit(c) >= 0;
    }

    /** Whether {@code c} is a decimal separator: {@code .} or {@code ٫}. */
    public static boolean isDecimalSeparator(char c) {
        return c == '.' || c == ARABIC_DECIMAL;
    }

    /**
     * The number written in {@code text} as a plain ASCII decimal ({@code [+-]?\d+(\.\d+)?}, with the
     * written fraction's digits kept: {@code ١٥٫٥٠} is {@code 15.50}), or null when {@code text} is not a
     * number by the rules above. {@code text} is stripped first; null and blank give null.
     */
    public static String toAscii(String text) {
        if (text == null) {
            return null;
        }
        String s = withoutMarks(text.strip());
        if (s.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        int at = 0;
        char first = s.charAt(0);
        if (first == '+' || first == '-' || first == '\u2212') {
            out.append(first == '+' ? "" : "-");
            at = 1;
        }
        int digits = 0;
        int group = 0;
        boolean grouped = false;
        boolean fraction = false;
        for (; at < s.length(); at++) {
            char c = s.charAt(at);
            int d = digit(c);
            if (d >= 0) {
                out.append((char) ('0' + d));
                digits++;
                group++;
            } else if (isDecimalSeparator(c) && !fraction) {
                if (grouped && group != 3) {
                    return null;
                }
                fraction = true;
                out.append('.');
                group = 0;
            } else if ((c == ARABIC_THOUSANDS || c == ARABIC_COMMA) && !fraction) {
                if (group == 0 || group > 3 || (grouped && group != 3)) {
                    return null;
                }
                grouped = true;
                group = 0;
            } else {
                return null;
            }
        }
        if (digits == 0 || (grouped && !fraction && group != 3)) {
            return null;
        }
        String ascii = out.toString();
        if (ascii.endsWith(".")) {
            ascii = ascii.substring(0, ascii.length() - 1);
        }
        if (ascii.startsWith(".") || ascii.startsWith("-.")) {
            ascii = ascii.replaceFirst("\\.", "0.");
        }
        return ascii;
    }

    /**
     * The decimal written in {@code text}.
     *
     * @throws IllegalArgumentException {@code 'x' is not a decimal number} when it is not one
     */
    public static BigDecimal decimal(String text) {
        String ascii = toAscii(text);
        if (ascii == null) {
            throw new IllegalArgumentException("'" + (text == null ? "" : text.strip()) + "' is not a decimal number");
        }
        return new BigDecimal(ascii);
    }

    /**
     * The whole number written in {@code text}, from {@code min} to {@code max}, or null when it is not one
     * (a fraction, even {@code .0}, out of range, not a number).
     */
    public static Long whole(String text, long min, long max) {
        String ascii = toAscii(text);
        if (ascii == null || ascii.indexOf('.') >= 0 || ascii.replace("-", "").length() > 18) {
            return null;
        }
        long value = Long.parseLong(ascii);
        return value < min || value > max ? null : value;
    }

    private static String withoutMarks(String text) {
        if (text.indexOf('\u061C') < 0 && text.indexOf('\u200E') < 0 && text.indexOf('\u200F') < 0) {
            return text;
        }
        return text.replace("\u061C", "").replace("\u200E", "").replace("\u200F", "");
    }
}
