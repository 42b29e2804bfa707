package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import com.ibm.icu.text.MessageFormat;
import com.ibm.icu.util.ULocale;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Counts agree with their noun in Arabic (six forms, ICU's plural rules) and in English. */
class PluralMessagesTest {

    private static final PluralMessages MESSAGES = messages();

    private static PluralMessages messages() {
        PluralMessages messages = new PluralMessages();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setDefaultLocale(DashboardLocales.ARABIC);
        return messages;
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "0|لا عملاء",
                "1|عميل واحد",
                "2|عميلان",
                "3|3 عملاء",
                "10|10 عملاء",
                "11|11 عميلًا",
                "21|21 عميلًا",
                "99|99 عميلًا",
                "100|100 عميل",
                "2,000|2,000 عميل",
                "2,021|2,021 عميلًا",
                "١٠٣|103 عملاء",
            })
    void arabic_counts_take_the_form_icu_chooses(String count, String text) {
        assertThat(MESSAGES.getMessage("customers.count", new Object[] {count}, DashboardLocales.ARABIC))
                .isEqualTo(text);
    }

    @Test
    void members_and_english_agree_too() {
        assertThat(MESSAGES.getMessage("group.count", new Object[] {22}, DashboardLocales.ARABIC))
                .isEqualTo("22 عضوًا");
        assertThat(MESSAGES.getMessage("group.count", new Object[] {"1"}, Locale.ENGLISH))
                .isEqualTo("1 member");
        assertThat(MESSAGES.getMessage("customers.count", new Object[] {"2,000"}, Locale.ENGLISH))
                .isEqualTo("2,000 customers");
        assertThat(MESSAGES.getMessage(
                        "analytics.refresh.done", new Object[] {"21", "1 June 2024"}, DashboardLocales.ARABIC))
                .isEqualTo("تم تحديث تحليلات 21 عميلًا حتى 1 June 2024.");
    }

    @Test
    void messages_without_a_count_are_formatted_as_before() {
        assertThat(MESSAGES.getMessage("customers.page", new Object[] {"1", "3"}, Locale.ENGLISH))
                .contains("1")
                .contains("3");
    }

    @Test
    void every_plural_message_parses_and_arabic_ones_have_the_forms_a_count_can_take() throws IOException {
        for (String language : new String[] {"ar", "en"}) {
            Properties bundle = bundle(language);
            for (String key : bundle.stringPropertyNames()) {
                String pattern = bundle.getProperty(key);
                if (!pattern.contains(",plural,")) {
                    continue;
                }
                new MessageFormat(pattern, ULocale.forLanguageTag(language)); // throws on a broken pattern
                if (language.equals("ar")) {
                    assertThat(pattern).as(key).contains("one{", "two{", "few{", "many{", "other{");
                } else {
                    assertThat(pattern).as(key).contains("one{", "other{");
                }
            }
        }
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = PluralMessagesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
