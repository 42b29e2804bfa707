package io.basira.campaigns.delivery;

import io.basira.shared.SearchText;
import java.util.Set;

/**
 * Whether an SMS reply asks to stop marketing messages. The whole reply must be one of the words below once folded
 * ({@link SearchText#fold}: case, Arabic spelling variants — أ إ آ as ا, ة as ه, ى as ي — harakat, tatweel and
 * bidirectional marks away, Arabic-Indic digits) and stripped of punctuation and emoji at its ends; a sentence that
 * merely contains one ("لا تلغي طلبي", "don't stop") is not a stop.
 *
 * <ul>
 *   <li>English: {@code STOP}, {@code STOPALL}, {@code UNSUBSCRIBE}, {@code CANCEL}, {@code END}, {@code QUIT},
 *       {@code OPTOUT}, {@code REVOKE} — the opt-out keywords the US carriers and Twilio honour, so a customer who
 *       learned them elsewhere is understood here too;</li>
 *   <li>Arabic: {@code إيقاف} (the word of Basira's own opt-out line, "لإيقاف الرسائل"), {@code أوقف}, {@code توقف},
 *       {@code وقف}, {@code إلغاء} and {@code الغاء}, {@code إلغاء الاشتراك}, {@code إيقاف الرسائل}, {@code لا ترسل},
 *       and {@code الغ} — the imperative and noun forms a Saudi shopper writes for "stop"/"cancel", with and without
 *       hamza (folding makes them one).</li>
 * </ul>
 *
 * Longer replies are left to a person: withdrawing consent on a guess would be as wrong as ignoring a clear stop.
 */
public final class StopWords {

    private static final Set<String> WORDS = java.util.stream.Stream.of(
                    "stop",
                    "stopall",
                    "unsubscribe",
                    "cancel",
                    "end",
                    "quit",
                    "optout",
                    "revoke",
                    "ايقاف",
                    "اوقف",
                    "توقف",
                    "وقف",
                    "الغاء",
                    "الغ",
                    "الغاء الاشتراك",
                    "ايقاف الرسائل",
                    "ايقاف الاشتراك",
                    "لا ترسل")
            .map(SearchText::fold)
            .collect(java.util.stream.Collectors.toUnmodifiableSet());

    private StopWords() {}

    /** Whether {@code reply} is a stop. */
    public static boolean isStop(String reply) {
        if (reply == null || reply.length() > 100) {
            return false;
        }
        String folded = SearchText.fold(reply);
        int start = 0;
        int end = folded.length();
        while (start < end && !Character.isLetterOrDigit(folded.codePointAt(start))) {
            start += Character.charCount(folded.codePointAt(start));
        }
        while (end > start && !Character.isLetterOrDigit(folded.codePointBefore(end))) {
            end -= Character.charCount(folded.codePointBefore(end));
        }
        return WORDS.contains(folded.substring(start, end)
                .replace('-', ' ')
                .replace("  ", " ")
                .replace("opt out", "optout"));
    }
}
