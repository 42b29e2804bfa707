package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.basira.server.dashboard.PluralMessages;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * A column mapping that cannot be used says why with a code in both languages (issue 14, item 5): each refusal of
 * the mapping's JSON and of the presets carries its code and arguments, and both bundles say it with exactly those
 * arguments (the dashboard's editor, and the API by Accept-Language).
 */
class MappingRefusalsTest {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    @Test
    void every_refusal_of_a_mapping_has_a_code_said_in_arabic_and_in_english() throws IOException {
        Map<String, ThrowingCallable> refusals = new LinkedHashMap<>();
        refusals.put("not_json", () -> ColumnMappingJson.read("{\"files\": {\"orders\": "));
        refusals.put("not_an_object", () -> ColumnMappingJson.read("[1, 2]"));
        refusals.put("files_not_object", () -> ColumnMappingJson.read("{\"files\": [\"orders\"]}"));
        refusals.put(
                "not_a_kind", () -> ColumnMappingJson.read("{\"files\": {\"invoices\": {\"source\": \"a.csv\"}}}"));
        refusals.put("file_not_object", () -> ColumnMappingJson.read("{\"files\": {\"orders\": \"a.csv\"}}"));
        refusals.put("source_empty", () -> ColumnMappingJson.read("{\"files\": {\"orders\": {\"source\": \" \"}}}"));
        refusals.put(
                "date_format",
                () -> ColumnMappingJson.read(
                        "{\"files\": {\"orders\": {\"source\": \"a.csv\", \"date_format\": \"dd/MM/yyyy{\"}}}"));
        refusals.put(
                "not_a_column",
                () -> ColumnMappingJson.read(
                        "{\"files\": {\"customers\": {\"source\": \"a.csv\", \"columns\": {\"shoe_size\": \"x\"}}}}"));
        refusals.put("unknown_preset", () -> MappingPresets.presets("woo"));
        refusals.put("no_preset", () -> MappingPresets.presets(" , "));
        Properties english = bundle("en");
        Properties arabic = bundle("ar");
        PluralMessages messages = messages();
        for (Map.Entry<String, ThrowingCallable> refusal : refusals.entrySet()) {
            MappingRefused refused = catchThrowableOfType(MappingRefused.class, refusal.getValue());
            assertThat(refused).as(refusal.getKey()).isNotNull();
            assertThat(refused.code()).isEqualTo(refusal.getKey());
            String key = "import.mapping.error." + refused.code();
            for (Properties bundle : List.of(english, arabic)) {
                assertThat(arguments(bundle.getProperty(key)))
                        .as(key + ": every argument said, no other")
                        .isEqualTo(indices(refused.arguments().size()));
            }
            String inArabic = messages.getMessage(key, refused.arguments().toArray(), Locale.forLanguageTag("ar"));
            assertThat(inArabic)
                    .as(key)
                    .matches(
                            s -> s.codePoints()
                                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                            "has Arabic letters");
            refused.arguments().forEach(argument -> assertThat(inArabic).as(key).contains(argument));
        }
    }

    @Test
    void the_codes_of_the_store_and_the_editor_have_both_texts_too() throws IOException {
        for (String code : List.of("no_saved_mapping", "not_json_somewhere", "value_line")) {
            for (String language : List.of("en", "ar")) {
                assertThat(bundle(language).getProperty("import.mapping.error." + code))
                        .as(language + " " + code)
                        .isNotBlank();
            }
        }
    }

    @Test
    void the_english_sentence_stays_the_clis() {
        MappingRefused refused = catchThrowableOfType(
                MappingRefused.class,
                () -> ColumnMappingJson.read("{\"files\": {\"invoices\": {\"source\": \"a.csv\"}}}"));

        assertThat(refused.getMessage())
                .isEqualTo("'invoices' is not a kind of file (customers, orders, order_items, "
                        + "products, carts, reviews, wishlist)");
        assertThat(refused.arguments())
                .containsExactly("invoices", "customers, orders, order_items, products, carts, reviews, wishlist");
        assertThat(catchThrowableOfType(MappingRefused.class, () -> ColumnMappingJson.read("{\"files\": {\"orders\": "))
                        .arguments())
                .as("line and column")
                .hasSize(2);
    }

    private static Set<Integer> arguments(String message) {
        assertThat(message).isNotBlank();
        Set<Integer> used = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(message);
        while (argument.find()) {
            used.add(Integer.parseInt(argument.group(1)));
        }
        return used;
    }

    private static Set<Integer> indices(int count) {
        Set<Integer> expected = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            expected.add(i);
        }
        return expected;
    }

    private static PluralMessages messages() {
        PluralMessages messages = new PluralMessages();
        messages.setBasename("messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    private static Properties bundle(String language) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MappingRefusalsTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
