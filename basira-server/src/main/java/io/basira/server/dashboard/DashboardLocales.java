package io.basira.server.dashboard;

import java.util.Locale;

/**
 * The dashboard's two languages: Arabic (the default, right-to-left) and English.
 *
 * <p>Numbers are written with Latin digits (0-9) in both languages: that is what Saudi storefront
 * platforms and payment receipts show, so an order number or an amount reads the same as in the
 * merchant's other tools and in the CSV files. The formatting locale therefore carries the Unicode
 * extension {@code nu-latn}; the calendar is the Gregorian one of the data.
 */
public final class DashboardLocales {

    public static final Locale ARABIC = Locale.forLanguageTag("ar");
    public static final Locale ENGLISH = Locale.ENGLISH;

    private DashboardLocales() {}

    /** English when asked for English, Arabic for anything else (including null). */
    public static Locale supported(Locale requested) {
        return requested != null && requested.getLanguage().equals("en") ? ENGLISH : ARABIC;
    }

    public static boolean isRightToLeft(Locale locale) {
        return supported(locale) == ARABIC;
    }

    /** The locale numbers and dates are formatted with: Saudi Arabic or US English, always Latin digits. */
    public static Locale formatting(Locale locale) {
        return supported(locale) == ARABIC ? Locale.forLanguageTag("ar-SA-u-nu-latn") : Locale.forLanguageTag("en-US");
    }

    /** The other language, for the one-click switch. */
    public static Locale other(Locale locale) {
        return supported(locale) == ARABIC ? ENGLISH : ARABIC;
    }
}
