package io.basira.campaigns.delivery;

import io.basira.shared.Numerals;

/**
 * Phone numbers in E.164 for the SMS gateways. A number written with {@code +} or {@code 00} keeps its country
 * code; one starting with {@code 966} and 12 digits long is Saudi; any other is national and Saudi
 * ({@code +966}, the trunk zero dropped: {@code 05x xxx xxxx} → {@code +9665xxxxxxxx}). Arabic-Indic digits
 * count as digits; spaces, dashes, dots, brackets and direction marks are ignored.
 */
public final class PhoneNumbers {

    public static final String SAUDI = "966";

    private PhoneNumbers() {}

    /** {@code +} and 8–15 digits, or null when {@code phone} is not a phone number. */
    public static String e164(String phone) {
        if (phone == null) {
            return null;
        }
        StringBuilder digits = new StringBuilder();
        boolean plus = false;
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            int d = Numerals.digit(c);
            if (d >= 0) {
                digits.append((char) ('0' + d));
            } else if (c == '+' && digits.length() == 0 && !plus) {
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
        String number = digits.toString();
        if (!plus && number.startsWith("00")) {
            number = number.substring(2);
            plus = true;
        }
        if (!plus) {
            if (!(number.startsWith(SAUDI) && number.length() == 12)) {
                int at = 0;
                while (at < number.length() - 1 && number.charAt(at) == '0') {
                    at++;
                }
                number = SAUDI + number.substring(at);
            }
        }
        if (number.length() < 8 || number.length() > 15 || number.startsWith("0")) {
            return null;
        }
        return "+" + number;
    }

    /** Unifonic's form: the international number without {@code +} or {@code 00} ({@code 9665…}). */
    public static String withoutPlus(String e164) {
        return e164.startsWith("+") ? e164.substring(1) : e164;
    }
}
