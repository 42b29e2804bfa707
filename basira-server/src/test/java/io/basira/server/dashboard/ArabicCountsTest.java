package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every count of the Arabic bundle agrees with its noun (issue 14, item 8): a number written beside a counted noun is
 * an ICU plural pattern ({@link PluralMessages}), never a fixed form ({@code {0} عميل}, {@code {0} يومًا}) nor a
 * {@code choice}, whose ranges cannot say Arabic's forms (111 takes the form of 11, not of 100).
 */
class ArabicCountsTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");

    /** Counted nouns in their singular, dual, plural and accusative forms. */
    private static final Pattern COUNTED =
            Pattern.compile("\\{\\d+}\\s*(عميل|عملاء|عميلًا|طلب|طلبات|طلبًا|عضو|أعضاء|عضوًا|"
                    + "يوم|أيام|يومًا|شهر|أشهر|شهرًا|صف|صفوف|صفًا|منتج|منتجات|منتجًا|مرة|مرات|زائر|زوار|زائرًا|جلسة|جلسات|نقطة|نقاط|"
                    + "رسالة|رسائل|خطأ|أخطاء|استخدام|استخدامات|مجموعة|مجموعات|كوبون|كوبونات|حملة|حملات|ساعة|ساعات|دقيقة|دقائق|ملف|"
                    + "ملفات|حرف|أحرف|حرفًا|حقل|حقول|حقلًا|مشترٍ|مشترين|بطاقة|بطاقات|حدث|أحداث|حدثًا|أسبوع|أسابيع|سنة|سنوات|قطعة|قطع)"
                    + "(?![\\p{L}])");

    @Test
    void no_arabic_count_is_written_outside_a_plural_pattern() throws IOException {
        Properties arabic = bundle();
        Set<String> fixed = new TreeSet<>();
        for (String key : arabic.stringPropertyNames()) {
            String message = arabic.getProperty(key);
            assertThat(message)
                    .as(key + ": a choice cannot say Arabic's plural forms")
                    .doesNotContain(",choice,");
            Matcher count = COUNTED.matcher(withoutPlurals(message));
            if (count.find()) {
                fixed.add(key + ": " + count.group());
            }
        }
        assertThat(fixed)
                .as("counts with a fixed noun form in messages_ar.properties")
                .isEmpty();
    }

    @Test
    void the_counts_made_plural_take_the_right_form() {
        PluralMessages messages = messages();
        assertThat(messages.getMessage("simulation.reach.members", new Object[] {"3", "11", "27٪"}, ARABIC))
                .isEqualTo("3 من 11 عميلًا (27٪)");
        assertThat(messages.getMessage("simulation.reach.members", new Object[] {"3", "2,000", "0٪"}, ARABIC))
                .isEqualTo("3 من 2,000 عميل (0٪)");
        assertThat(messages.getMessage("loyalty.expiry.months", new Object[] {2}, ARABIC))
                .isEqualTo("ينتهي الرصيد بعد شهرين من آخر شراء");
        assertThat(messages.getMessage("rule.words.days-ago", new Object[] {"111", 111}, ARABIC))
                .isEqualTo("قبل 111 يومًا");
        assertThat(messages.getMessage("rule.words.days-ago", new Object[] {"102", 102}, ARABIC))
                .isEqualTo("قبل 102 يوم");
        assertThat(messages.getMessage("customer.timeline.count", new Object[] {"231", 231}, ARABIC))
                .isEqualTo("231 حدثًا، الأحدث أولًا.");
        assertThat(messages.getMessage("products.affinity.footer", new Object[] {"5"}, ARABIC))
                .startsWith("على 5 طلبات محسوبة.");
        assertThat(messages.getMessage("customers.count", new Object[] {"\u206811\u2069"}, ARABIC))
                .as("a count isolated for the page's direction")
                .isEqualTo("11 عميلًا");
        assertThat(messages.getMessage("loyalty.earning.rate", new Object[] {1, "ر.س.‏ 10.00"}, Locale.ENGLISH))
                .isEqualTo("1 point per ر.س.‏ 10.00, rounded down");
    }

    /** The message with every {@code {n,plural,…}} block taken out (braces matched). */
    static String withoutPlurals(String message) {
        StringBuilder out = new StringBuilder();
        Matcher plural = Pattern.compile("\\{\\s*\\d+\\s*,\\s*plural\\s*,").matcher(message);
        int from = 0;
        while (plural.find(from)) {
            out.append(message, from, plural.start());
            int depth = 0;
            int i = plural.start();
            for (; i < message.length(); i++) {
                char c = message.charAt(i);
                depth += c == '{' ? 1 : c == '}' ? -1 : 0;
                if (depth == 0) {
                    break;
                }
            }
            from = Math.min(i + 1, message.length());
        }
        return out.append(message.substring(from)).toString();
    }

    private static PluralMessages messages() {
        PluralMessages messages = new PluralMessages();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties bundle() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = ArabicCountsTest.class.getResourceAsStream("/messages_ar.properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
