package io.basira.server.dashboard;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import io.basira.shared.Numerals;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The bundles, where a message that counts something is an ICU plural pattern: Arabic has six forms
 * (zero, one, two, few, many, other: {@code عميل واحد}, {@code عميلان}, {@code ٣ عملاء}, {@code ٢١ عميلًا},
 * {@code ٢٬٠٠٠ عميل}), chosen by ICU's plural rules for the language (CLDR), English two.
 *
 * <p>A message whose text holds {@code {n, plural, ...}} is formatted by ICU's {@link MessageFormat}; every other
 * message as before (Java's {@code MessageFormat}, in the same formatting locale). The count may be given as a number or as the text the
 * dashboard already formatted ({@code "2,000"}, Arabic digits too): it is read back into a number for the
 * choice (bidirectional isolates around it are dropped), and {@code #} writes it again in the dashboard's digits (Latin digits in both languages:
 * {@link DashboardLocales#formatting}). Thread-safe, like its superclass.
 */
public final class PluralMessages extends ResourceBundleMessageSource {

    /** Bidirectional isolates and marks around a count ({@code MerchantMessages.isolate}), not part of it. */
    private static final Pattern ISOLATES = Pattern.compile("[\u200E\u200F\u2066-\u2069]");

    private static final Pattern PLURAL = Pattern.compile("\\{\\s*\\d+\\s*,\\s*(plural|selectordinal)\\s*,");

    @Override
    protected String getMessageInternal(String code, Object[] args, Locale locale) {
        if (code == null) {
            return null;
        }
        Locale language = locale == null ? DashboardLocales.ARABIC : locale;
        String pattern = resolveCodeWithoutArguments(code, language);
        if (pattern == null || !PLURAL.matcher(pattern).find()) {
            return super.getMessageInternal(code, args, locale);
        }
        MessageFormat format = new MessageFormat(pattern, ULocale.forLocale(DashboardLocales.formatting(language)));
        return format.format(numbers(args));
    }

    /**
     * Every other message formats its numbers in the dashboard's one format too (Latin digits in Arabic: Java's
     * {@code MessageFormat} in plain {@code ar} would write {@code ١٠}).
     */
    @Override
    protected java.text.MessageFormat createMessageFormat(String msg, Locale locale) {
        return super.createMessageFormat(
                msg, DashboardLocales.formatting(locale == null ? DashboardLocales.ARABIC : locale));
    }

    /** The arguments, each text that reads as a number (grouping separators allowed) made that number. */
    static Object[] numbers(Object[] args) {
        if (args == null) {
            return new Object[0];
        }
        Object[] out = args.clone();
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof CharSequence text) {
                String ascii = Numerals.toAscii(
                        ISOLATES.matcher(text).replaceAll("").replace(",", "").replace("\u066C", ""));
                if (ascii != null) {
                    out[i] = new BigDecimal(ascii);
                }
            }
        }
        return out;
    }
}
