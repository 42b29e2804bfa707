package io.basira.groups;

import io.basira.segment.InGroup;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The rule language's group keys: 1-63 characters of a-z, 0-9, '-' and '_', starting with a letter or digit;
 * and a key made from a group's name, so that nobody has to type one (docs/groups.md, "Keys").
 */
public final class GroupKeys {

    /** The longest key {@link #fromName} makes, leaving room for a uniqueness suffix. */
    static final int MAX_MADE = 40;

    /**
     * Arabic letters written with Latin ones, a plain letter-by-letter transcription (no vowels are guessed):
     * {@code كبار العملاء} becomes {@code kbar-almla}. Enough for a key that a person can still recognise.
     */
    private static final Map<Character, String> ARABIC = Map.ofEntries(
            Map.entry('ا', "a"),
            Map.entry('أ', "a"),
            Map.entry('إ', "i"),
            Map.entry('آ', "a"),
            Map.entry('ء', ""),
            Map.entry('ب', "b"),
            Map.entry('ت', "t"),
            Map.entry('ث', "th"),
            Map.entry('ج', "j"),
            Map.entry('ح', "h"),
            Map.entry('خ', "kh"),
            Map.entry('د', "d"),
            Map.entry('ذ', "dh"),
            Map.entry('ر', "r"),
            Map.entry('ز', "z"),
            Map.entry('س', "s"),
            Map.entry('ش', "sh"),
            Map.entry('ص', "s"),
            Map.entry('ض', "d"),
            Map.entry('ط', "t"),
            Map.entry('ظ', "z"),
            Map.entry('ع', ""),
            Map.entry('غ', "gh"),
            Map.entry('ف', "f"),
            Map.entry('ق', "q"),
            Map.entry('ك', "k"),
            Map.entry('ل', "l"),
            Map.entry('م', "m"),
            Map.entry('ن', "n"),
            Map.entry('ه', "h"),
            Map.entry('ة', "a"),
            Map.entry('و', "w"),
            Map.entry('ؤ', "w"),
            Map.entry('ي', "y"),
            Map.entry('ى', "a"),
            Map.entry('ئ', "y"));

    private GroupKeys() {}

    /** @throws IllegalArgumentException saying what a key may be */
    static String requireValid(String key) {
        new InGroup(key); // the rule language owns the key syntax
        return key;
    }

    /**
     * A valid key made from {@code name}: Latin letters and digits kept (lower case, accents dropped), Arabic
     * letters transcribed, Arabic-Indic digits as 0-9, anything else a single '-'; at most {@value #MAX_MADE}
     * characters; {@code group} when nothing is left. When {@code taken} holds it, {@code -2}, {@code -3} … is
     * appended until it does not.
     */
    public static String fromName(String name, Predicate<String> taken) {
        String base = slug(name == null ? "" : name);
        String key = base;
        for (int n = 2; taken.test(key); n++) {
            key = base + "-" + n;
        }
        return requireValid(key);
    }

    private static String slug(String name) {
        String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < plain.length() && key.length() < MAX_MADE; i++) {
            char c = plain.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                key.append(c);
            } else if (c >= '\u0660' && c <= '\u0669') {
                key.append((char) ('0' + c - '\u0660'));
            } else if (ARABIC.containsKey(c)) {
                key.append(ARABIC.get(c));
            } else if (Character.getType(c) == Character.NON_SPACING_MARK || c == 'ـ') {
                continue; // accents, Arabic short vowels and the tatweel
            } else if (key.length() > 0 && key.charAt(key.length() - 1) != '-') {
                key.append('-');
            }
        }
        String made = key.length() > MAX_MADE ? key.substring(0, MAX_MADE) : key.toString();
        made = made.replaceAll("-+$", "");
        return made.isEmpty() ? "group" : made;
    }
}
