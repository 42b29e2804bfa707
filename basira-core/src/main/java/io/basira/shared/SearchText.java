package io.basira.shared;

import java.util.Locale;

/**
 * How text is compared when a merchant searches: Arabic spelling variants, case, digits and phone numbers
 * folded away, so {@code ساره} finds {@code سارة} and {@code 0529202449} finds {@code +966529202449}.
 *
 * <p>{@link #fold} maps, after lower-casing (root locale):
 * <ul>
 *   <li>ة (teh marbuta) → ه; ى (alef maksura) → ي; أ إ آ ٱ → ا; ؤ → و; ئ → ي;</li>
 *   <li>the tatweel ـ (U+0640), the harakat and tanwin (U+064B–U+0652), the superscript alef (U+0670) and the
 *       bidirectional marks (U+061C, U+200E, U+200F) are removed;</li>
 *   <li>Arabic-Indic and Persian digits become ASCII ({@link Numerals#digit});</li>
 *   <li>runs of white space become one space; the ends are stripped.</li>
 * </ul>
 *
 * <p>{@link #phoneKey} reduces a phone number to its national significant number, the part that stays the
 * same however it is written: {@code +966 52 920 2449}, {@code 00966529202449}, {@code 966529202449},
 * {@code 0529202449} and {@code ٠٥٢٩٢٠٢٤٤٩} are all {@code 529202449}. The international prefix is
 * recognised for the calling codes of {@link #CALLING_CODES} (the Gulf and its neighbours); after
 * {@code +} or {@code 00} an unknown code is kept with the number.
 *
 * <p>Both sides of a search go through here: the stored search text of each customer
 * ({@link #ofCustomer}, written with the customer) and the typed search. Stateless and thread-safe.
 */
public final class SearchText {

    /** Calling codes recognised after {@code +}, {@code 00} or at the start of a long number, longest first. */
    static final String[] CALLING_CODES = {
        "966", "971", "965", "974", "973", "968", "962", "961", "964", "967", "970", "963", "20", "90", "92", "91",
        "44", "1"
    };

    /** The stored search text is cut at this many characters (the column's size). */
    public static final int MAX_LENGTH = 2000;

    /** Fewer digits than this in a typed search is not read as a phone number. */
    static final int PHONE_MIN_DIGITS = 6;

    private SearchText() {}

    /** The text folded for comparison, as described above; null stays null. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (Character.isWhitespace(c)) {
                space = out.length() > 0;
                continue;
            }
            char folded = letter(c);
            if (folded == 0) {
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(folded);
        }
        return out.toString();
    }

    /** The folded letter, or 0 for a mark that is dropped. */
    private static char letter(char c) {
        int digit = Numerals.digit(c);
        if (digit >= 0) {
            return (char) ('0' + digit);
        }
        if ((c >= '\u064B' && c <= '\u0652')
                || c == '\u0670'
                || c == '\u0640'
                || c == '\u061C'
                || c == '\u200E'
                || c == '\u200F') {
            return 0;
        }
        return switch (c) {
            case '\u0629' -> '\u0647'; // ة → ه
            case '\u0649' -> '\u064A'; // ى → ي
            case '\u0623', '\u0625', '\u0622', '\u0671' -> '\u0627'; // أ إ آ ٱ → ا
            case '\u0624' -> '\u0648'; // ؤ → و
            case '\u0626' -> '\u064A'; // ئ → ي
            default -> c;
        };
    }

    /**
     * The national significant number of a phone number written in any of the usual ways, or null when
     * {@code phone} has no digit or holds anything but digits, spaces, {@code + - . ( ) /}.
     */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder(phone.length());
        boolean plus = false;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            int d = Numerals.digit(c);
            if (d >= 0) {
                digits.append((char) ('0' + d));
            } else if (c == '+' && digits.length() == 0) {
                plus = true;
            } else if (!(Character.isWhitespace(c)
                    || c == '-'
                    || c == '.'
                    || c == '('
                    || c == ')'
                    || c == '/'
                    || c == '\u200E'
                    || c == '\u200F'
                    || c == '\u061C')) {
                return null;
            }
        }
        if (digits.length() == 0) {
            return null;
        }
        return national(digits.toString(), plus);
    }

    private static String national(String digits, boolean plus) {
        if (!plus && digits.startsWith("00")) {
            return national(digits.substring(2), true);
        }
        if (plus || digits.length() > 10) {
            for (String code : CALLING_CODES) {
                if (digits.startsWith(code) && digits.length() > code.length() + 6) {
                    return withoutTrunkZero(digits.substring(code.length()));
                }
            }
            return digits;
        }
        return withoutTrunkZero(digits);
    }

    private static String withoutTrunkZero(String digits) {
        int at = 0;
        while (at < digits.length() - 1 && digits.charAt(at) == '0') {
            at++;
        }
        return digits.substring(at);
    }

    /**
     * The phone key of a typed search that reads as a phone number (at least {@value #PHONE_MIN_DIGITS}
     * digits, only the characters {@link #phoneKey} allows), else null.
     */
    public static String typedPhone(String search) {
        String key = phoneKey(search);
        if (key == null) {
            return null;
        }
        long digits = search.chars().filter(c -> Numerals.isDigit((char) c)).count();
        return digits >= PHONE_MIN_DIGITS ? key : null;
    }

    /**
     * The stored search text of a customer: the folded full name, email, customer id, phone as written and its
     * {@link #phoneKey}, one per line, so a search matches within one of them and never across two.
     */
    public static String ofCustomer(String externalId, String firstName, String lastName, String email, String phone) {
        StringBuilder text = new StringBuilder();
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName));
        text.append(fold(name)).append('\n').append(fold(externalId));
        for (String part : new String[] {email, phone, phoneKey(phone)}) {
            if (part != null) {
                text.append('\n').append(fold(part));
            }
        }
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) : text.toString();
    }
}
