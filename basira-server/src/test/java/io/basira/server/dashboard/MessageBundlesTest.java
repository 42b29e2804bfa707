package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.CartStatus;
import io.basira.commerce.OrderStatus;
import io.basira.fields.BuiltInFields;
import io.basira.server.cards.jdbc.CustomerSort;
import io.basira.server.importing.web.ImportJobs;
import io.basira.server.platform.security.Role;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The two languages stay in step: same keys, no empty text, and every key a page uses exists. */
class MessageBundlesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    @Test
    void arabic_and_english_have_exactly_the_same_keys() throws IOException {
        Set<String> arabic = bundle("ar").stringPropertyNames();
        Set<String> english = bundle("en").stringPropertyNames();
        Set<String> onlyArabic = new TreeSet<>(arabic);
        onlyArabic.removeAll(english);
        Set<String> onlyEnglish = new TreeSet<>(english);
        onlyEnglish.removeAll(arabic);
        assertThat(onlyArabic).as("keys only in messages_ar.properties").isEmpty();
        assertThat(onlyEnglish).as("keys only in messages_en.properties").isEmpty();
    }

    @Test
    void no_message_is_empty_and_arabic_messages_are_arabic() throws IOException {
        Properties arabic = bundle("ar");
        Properties english = bundle("en");
        for (String key : english.stringPropertyNames()) {
            assertThat(english.getProperty(key)).as("en " + key).isNotBlank();
            assertThat(arabic.getProperty(key)).as("ar " + key).isNotBlank();
        }
        long arabicScript = arabic.stringPropertyNames().stream()
                .filter(key -> arabic.getProperty(key)
                        .codePoints()
                        .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                .count();
        // only the language switch ("English") is written in Latin letters in the Arabic file
        assertThat(arabicScript).isEqualTo(arabic.size() - 1L);
    }

    /**
     * No English left in the Arabic bundle: after what is meant to stay as typed (`code`, isolated fragments, file
     * names, message arguments), a Latin word is one of these: codes, the rule language, formats and brand names.
     */
    private static final Set<String> LATIN_IN_ARABIC = Set.of(
            "AE",
            "SA",
            "AND",
            "OR",
            "BETWEEN",
            "IN",
            "IS",
            "NULL",
            "total_spent",
            "order_count",
            "group",
            "key",
            "today",
            "d",
            "a-z",
            "T",
            "X",
            "Y",
            "JSON",
            "ISO",
            "CSV",
            "Excel",
            "UTF-",
            "RFM",
            "BG/NBD",
            "Gamma-Gamma",
            "Standard",
            "Webhooks",
            "English");

    @Test
    void the_arabic_bundle_holds_no_english_words_outside_codes_formats_and_names() throws IOException {
        Properties arabic = bundle("ar");
        Properties english = bundle("en");
        Set<String> found = new TreeSet<>();
        for (String key : arabic.stringPropertyNames()) {
            String value = arabic.getProperty(key);
            if (!key.equals("layout.switch-language")) {
                assertThat(value).as("ar " + key + " is not the English text").isNotEqualTo(english.getProperty(key));
            }
            String words = value.replaceAll("`[^`]*`", "")
                    .replaceAll("[\u2066\u2068][^\u2069]*\u2069", "")
                    .replaceAll("\\{\\d+,\\s*(plural|selectordinal|choice),", "")
                    .replaceAll("\\b(zero|one|two|few|many|other)\\{", "")
                    .replaceAll("\\{\\d+}", "")
                    .replaceAll("[\\w.-]+\\.csv", "");
            Matcher latin = Pattern.compile("[A-Za-z][A-Za-z_/.-]*").matcher(words);
            while (latin.find()) {
                if (!LATIN_IN_ARABIC.contains(latin.group())) {
                    found.add(key + ": " + latin.group());
                }
            }
        }
        assertThat(found).as("English words in messages_ar.properties").isEmpty();
    }

    /** The display policy (docs/dashboard.md): Latin digits in both languages, in the bundles' own text too. */
    @Test
    void the_bundles_write_no_arabic_indic_or_persian_digits() throws IOException {
        for (String language : new String[] {"ar", "en"}) {
            Properties bundle = bundle(language);
            for (String key : bundle.stringPropertyNames()) {
                assertThat(bundle.getProperty(key)
                                .codePoints()
                                .filter(c -> (c >= 0x0660 && c <= 0x0669) || (c >= 0x06F0 && c <= 0x06F9)))
                        .as(language + " " + key)
                        .isEmpty();
            }
        }
    }

    @Test
    void every_key_written_in_a_template_exists() throws IOException {
        Set<String> keys = bundle("en").stringPropertyNames();
        Pattern literal = Pattern.compile("#\\{([a-z0-9._-]+)[}(]");
        Set<String> used = new TreeSet<>();
        try (Stream<Path> files = Files.list(TEMPLATES)) {
            for (Path file : files.toList()) {
                Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertThat(used).hasSizeGreaterThan(50);
        assertThat(keys).containsAll(used);
    }

    @Test
    void every_key_built_from_a_value_exists() throws IOException {
        Set<String> keys = bundle("en").stringPropertyNames();
        Set<String> built = new HashSet<>();
        CustomerSort.values(BuiltInFields.catalogue()).forEach(s -> built.add("field." + s.name()));
        Arrays.stream(Role.values()).forEach(r -> built.add("role." + r.code()));
        Arrays.stream(ImportJobs.State.values())
                .forEach(s -> built.add("import.state." + s.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(OrderStatus.values()).forEach(s -> built.add("order.status." + s.code()));
        Arrays.stream(CartStatus.values())
                .forEach(s -> built.add("cart.status." + s.name().toLowerCase(Locale.ROOT)));
        for (String field : new String[] {
            "email", "phone", "gender", "birth_date", "age", "city", "region", "country", "created_at", "tags"
        }) {
            built.add("field." + field);
        }
        for (String page : new String[] {"groups", "policies", "analytics"}) {
            built.add("nav." + page);
        }
        for (String kind : new String[] {"order", "cart", "review", "wishlist"}) {
            built.add("timeline.kind." + kind);
        }
        for (String detail : new String[] {
            "status",
            "total",
            "discount_total",
            "coupon_code",
            "payment_method",
            "shipping_method",
            "items_count",
            "rating",
            "of",
            "product_id"
        }) {
            built.add("timeline.detail." + detail);
        }
        built.addAll(Set.of("gender.male", "gender.female", "review.of.store", "review.of.product"));
        assertThat(keys).containsAll(built);
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            assertThat(in)
                    .as("messages_" + language + ".properties on the classpath")
                    .isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
