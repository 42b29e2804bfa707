package io.basira.analytics.region;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The key under which spellings of one place compare equal: "Al-Ahsa", "al ahsa", "الأحساء" and "الاحساء"
 * all give the same key within their script. Steps: lower case; Unicode NFD and every combining mark
 * removed (Latin accents, Arabic short vowels, and the hamza of أ إ آ, which NFD splits off); tatweel
 * removed; ة → ه and ى → ي; the words "region", "province", "city", "governorate", "emirate", "municipality", "منطقه",
 * "مدينه", "محافظه", "اماره", "بلديه" (after the steps above) dropped; the article removed from the start of each word ("al-", "ar ", "ash-" … before a space, hyphen or
 * apostrophe; Arabic "ال" on words longer than three letters); finally every character that is not a letter.
 * Arabic and English keys still differ: the alias tables list both.
 */
public final class PlaceNames {

    private static final Pattern MARKS = Pattern.compile("\\p{Mn}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-'’‘`_]+");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^\\p{L}]");
    private static final Set<String> NOISE = Set.of(
            "region",
            "province",
            "city",
            "governorate",
            "emirate",
            "municipality",
            "منطقه",
            "مدينه",
            "محافظه",
            "اماره",
            "بلديه");
    private static final Set<String> ARTICLES = Set.of("al", "ar", "as", "ash", "ad", "adh", "an", "az", "at", "el");

    private PlaceNames() {}

    /** The comparison key of {@code name}; empty for null or blank. */
    public static String key(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String text = MARKS.matcher(Normalizer.normalize(name.strip().toLowerCase(Locale.ROOT), Normalizer.Form.NFD))
                .replaceAll("")
                .replace("\u0640", "")
                .replace('ة', 'ه')
                .replace('ى', 'ي');
        String[] words = SEPARATORS.split(text);
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < words.length; i++) {
            String word = words[i];
            boolean followed = i + 1 < words.length;
            if (followed && ARTICLES.contains(word)) {
                continue;
            }
            if (word.startsWith("ال") && word.length() > 3) {
                word = word.substring(2);
            }
            if (!NOISE.contains(word)) {
                key.append(word);
            }
        }
        return NOT_LETTERS.matcher(key).replaceAll("");
    }
}
