package io.basira.server.csvimport;

import static io.basira.server.csvimport.ImportFolder.CUSTOMERS_HEADER;
import static io.basira.server.csvimport.ImportFolder.ONE_CUSTOMER;
import static io.basira.server.csvimport.ImportFolder.ORDERS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import de.siegmar.fastcsv.reader.CsvParseException;
import io.basira.server.dashboard.PluralMessages;
import io.basira.server.importing.ImportErrorText;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every problem the import's reader can report has a code and says what, where and why in Arabic and in English
 * (issue 14, item 5): the codes are {@link ImportErrorCode}'s constants, each has both texts with exactly its
 * arguments, and each is produced by a bad file below and said in both languages.
 */
class ImportErrorCodesTest {

    private static final Locale ARABIC = Locale.forLanguageTag("ar");
    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

    /**
     * Only guards: the record constructors' last word, after every column passed its own check first, and a column
     * parser's refusal without a code of its own (every parser has one).
     */
    private static final Set<ImportErrorCode> UNREACHABLE =
            EnumSet.of(ImportErrorCode.RECORD_REFUSED, ImportErrorCode.VALUE_REFUSED);

    @TempDir
    Path dir;

    private final ImportErrorText text = new ImportErrorText(messages());

    @Test
    void every_code_has_an_arabic_and_an_english_text_with_exactly_its_arguments() throws IOException {
        Properties english = bundle("en");
        Properties arabic = bundle("ar");
        for (ImportErrorCode code : ImportErrorCode.values()) {
            String key = "import.error." + code.code();
            for (Properties bundle : List.of(english, arabic)) {
                String message = bundle.getProperty(key);
                assertThat(message).as(key).isNotBlank();
                Set<Integer> used = new java.util.TreeSet<>();
                Matcher argument = ARGUMENT.matcher(message);
                while (argument.find()) {
                    used.add(Integer.parseInt(argument.group(1)));
                }
                Set<Integer> expected = new java.util.TreeSet<>();
                for (int i = 0; i < code.arguments(); i++) {
                    expected.add(i);
                }
                assertThat(used).as(key + ": every argument said, no other").isEqualTo(expected);
            }
            assertThat(arabic.getProperty(key)
                            .codePoints()
                            .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC))
                    .as(key + " in Arabic")
                    .isTrue();
        }
    }

    @Test
    void every_code_is_produced_by_a_bad_file_and_said_in_both_languages() throws IOException {
        Map<ImportErrorCode, Function<Path, List<RowError>>> badFiles = badFiles();
        assertThat(EnumSet.copyOf(badFiles.keySet()))
                .as("a bad file for every code")
                .isEqualTo(EnumSet.complementOf(EnumSet.copyOf(UNREACHABLE)));
        for (Map.Entry<ImportErrorCode, Function<Path, List<RowError>>> bad : badFiles.entrySet()) {
            Path folder = Files.createDirectory(dir.resolve(bad.getKey().code()));
            List<RowError> errors = bad.getValue().apply(folder);
            RowError error = errors.stream()
                    .filter(e -> e.kind() == bad.getKey())
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(bad.getKey() + " not among " + errors));
            assertThat(error.arguments()).hasSize(bad.getKey().arguments());
            String inEnglish = text.reason(error, Locale.ENGLISH);
            String inArabic = text.reason(error, ARABIC);
            assertThat(inEnglish)
                    .as(error.toString())
                    .doesNotContain("{")
                    .doesNotContain("import.error")
                    .isNotEqualTo(inArabic);
            assertThat(inArabic)
                    .as(error.toString())
                    .doesNotContain("{")
                    .matches(
                            s -> s.codePoints()
                                    .anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC),
                            "has Arabic letters");
            for (String argument : error.arguments()) {
                assertThat(inEnglish).as(error.toString()).contains(argument);
                assertThat(inArabic).as(error.toString()).contains(argument);
            }
            assertThat(text.text(error, ARABIC)).startsWith(error.place() + ": ");
        }
    }

    @Test
    void the_guards_are_said_in_both_languages_without_an_english_fragment() {
        RowError value = new RowError(
                "orders.csv",
                2,
                "total",
                "Character x is neither a decimal digit number",
                ImportErrorCode.VALUE_REFUSED,
                List.of("12x"));
        RowError record = new RowError(
                "orders.csv",
                2,
                null,
                "total must not be below the discount",
                ImportErrorCode.RECORD_REFUSED,
                List.of());

        assertThat(text.text(value, ARABIC))
                .isEqualTo("orders.csv:2: total: تعذّرت قراءة القيمة «\u206812x\u2069» في هذا العمود");
        assertThat(text.text(value, Locale.ENGLISH))
                .isEqualTo("orders.csv:2: total: “12x” cannot be read for this column");
        assertThat(text.reason(record, ARABIC)).startsWith("رُفض الصف").doesNotContain("total");
        assertThat(text.reason(record, Locale.ENGLISH))
                .startsWith("the row is refused")
                .doesNotContain("discount");
        assertThat(record.toString()).as("the CLI keeps the detail").endsWith("total must not be below the discount");
    }

    @Test
    void a_parser_refusal_is_said_without_the_parsers_english() {
        RowError field = RowError.of(
                "products.csv",
                2,
                null,
                CanonicalFileReader.malformed(new CsvParseException(
                        "The maximum buffer size of 16777216 is insufficient to read the data of a single field. (record "
                                + "starting at line 2)")));

        assertThat(field.kind()).isEqualTo(ImportErrorCode.FIELD_TOO_BIG);
        assertThat(text.reason(field, ARABIC))
                .isEqualTo("في هذا الصف حقل يتجاوز الحد المسموح، وهو \u206816,777,216\u2069 "
                        + "حرفًا؛ والسبب غالبًا علامة تنصيص (\") فُتحت ولم تُغلق، لذلك لم يُقرأ ما بعدها");
        assertThat(text.reason(field, Locale.ENGLISH))
                .startsWith("a field of this row is longer than the 16,777,216 " + "characters the reader takes");
        assertThat(field.toString()).as("the CLI's English").contains("maximum buffer size of 16777216");
    }

    @Test
    void no_arabic_import_error_quotes_english() throws IOException {
        Properties arabic = bundle("ar");
        for (ImportErrorCode code : ImportErrorCode.values()) {
            assertThat(arabic.getProperty("import.error." + code.code()))
                    .as(code.code())
                    .doesNotContain("بالإنجليزية");
        }
    }

    @Test
    void the_place_says_file_line_and_column() throws IOException {
        ImportReport report = ImportFolder.in(dir)
                .withOrders("O-1,C-1,2024-03-01,shipped,10.00,\n")
                .read();

        RowError error = report.errors().get(0);
        assertThat(error.place()).isEqualTo("orders.csv:2: status");
        assertThat(text.text(error, ARABIC))
                .isEqualTo(
                        "orders.csv:2: status: «\u2068shipped\u2069» ليست حالة طلب معروفة؛ "
                                + "اكتب إحدى الحالات: \u2068quotation, pending, processing, completed, cancelled, returned\u2069");
        assertThat(text.text(error, Locale.ENGLISH))
                .isEqualTo("orders.csv:2: status: “shipped” is not an order status; "
                        + "write one of quotation, pending, processing, completed, cancelled, returned");
        assertThat(error.toString())
                .as("the CLI's English")
                .isEqualTo("orders.csv:2: status: unknown status 'shipped', "
                        + "expected one of quotation, pending, processing, completed, cancelled, returned");
    }

    /** A bad folder for each code, written into the folder given. */
    private static Map<ImportErrorCode, Function<Path, List<RowError>>> badFiles() {
        Map<ImportErrorCode, Function<Path, List<RowError>>> bad = new EnumMap<>(ImportErrorCode.class);
        bad.put(ImportErrorCode.REQUIRED, orders("O-1,,2024-03-01,completed,10.00,\n"));
        bad.put(ImportErrorCode.NOT_DECIMAL, orders("O-1,C-1,2024-03-01,completed,12x,\n"));
        bad.put(ImportErrorCode.TOO_MANY_DECIMALS, orders("O-1,C-1,2024-03-01,completed,10.505,\n"));
        bad.put(ImportErrorCode.TOO_MANY_PRICE_DECIMALS, lines("1.0000001"));
        bad.put(ImportErrorCode.NEGATIVE, orders("O-1,C-1,2024-03-01,completed,-5.00,\n"));
        bad.put(ImportErrorCode.TOO_LARGE, orders("O-1,C-1,2024-03-01,completed,1000000000000,\n"));
        bad.put(
                ImportErrorCode.NOT_WHOLE,
                file("reviews.csv", "review_id,customer_id,rating,created_at\n" + "R-1,C-1,6,2024-03-05\n"));
        bad.put(
                ImportErrorCode.NOT_WHOLE_FROM,
                folder -> ImportFolder.in(folder)
                        .withOrders("O-1,C-1,2024-03-01,completed,10.00,\n")
                        .with("order_items.csv", "order_id,product_id,quantity,unit_price\nO-1,P-1,1.5,10.00\n")
                        .read()
                        .errors());
        bad.put(ImportErrorCode.NOT_COUNTRY, customers("C-2,Sara,Riyadh,Saudi Arabia,female,2024-01-05,\n"));
        bad.put(ImportErrorCode.NOT_DATE_TIME, orders("O-1,C-1,yesterday,completed,10.00,\n"));
        bad.put(
                ImportErrorCode.NOT_DATE,
                folder -> ImportFolder.in(folder)
                        .with("customers.csv", "customer_id,birth_date,created_at\nC-1,17/05/1990,2024-01-05\n")
                        .with("orders.csv", ORDERS_HEADER)
                        .read()
                        .errors());
        bad.put(
                ImportErrorCode.NOT_DATE_IN_FORMAT,
                folder -> mapped(folder, "customer_id,created_at\nC-1,2024/13/45\n", Map.of(), "dd/MM/yyyy"));
        bad.put(ImportErrorCode.DATE_OUT_OF_RANGE, orders("O-1,C-1,2200-01-01,completed,10.00,\n"));
        bad.put(ImportErrorCode.UNKNOWN_STATUS, orders("O-1,C-1,2024-03-01,shipped,10.00,\n"));
        bad.put(
                ImportErrorCode.UNKNOWN_CART_STATUS,
                file("carts.csv", "cart_id,created_at,status\nK-1,2024-03-03,lost\n"));
        bad.put(ImportErrorCode.UNKNOWN_GENDER, customers("C-2,Sara,Riyadh,SA,m,2024-01-05,\n"));
        bad.put(ImportErrorCode.TOO_LONG, customers("C-" + "9".repeat(127) + ",Sara,Riyadh,SA,female,2024-01-05,\n"));
        bad.put(ImportErrorCode.CONTROL_CHARACTER, customers("C-2,Sa\u0000ra,Riyadh,SA,female,2024-01-05,\n"));
        // UTF-8 cannot hold one (the reader refuses an encoded surrogate as not UTF-8): it comes in through JSON
        bad.put(
                ImportErrorCode.UNPAIRED_SURROGATE,
                folder -> new FieldRecords(ImportFolder.DEMO, RecordSink.discarding())
                        .parse(
                                CanonicalFile.CUSTOMERS,
                                Map.of("customer_id", "C-\uD800", "created_at", "2024-01-05"),
                                "request"));
        bad.put(
                ImportErrorCode.UNKNOWN_ORDER,
                folder -> ImportFolder.in(folder)
                        .withOrders("")
                        .with("order_items.csv", "order_id,product_id,quantity,unit_price\nO-9,P-1,1,10.00\n")
                        .read()
                        .errors());
        bad.put(
                ImportErrorCode.UNKNOWN_CART,
                folder -> ImportFolder.in(folder)
                        .withOrders("")
                        .with("cart_items.csv", "cart_id,product_id,quantity\nK-9,P-1,1\n")
                        .read()
                        .errors());
        bad.put(
                ImportErrorCode.NOT_A_LINK,
                folder -> ImportFolder.in(folder)
                        .withOrders("")
                        .with("carts.csv", "cart_id,created_at,status\nK-1,2024-03-03,abandoned\n")
                        .with("cart_items.csv", "cart_id,product_id,quantity,url\nK-1,P-1,1,javascript:alert(1)\n")
                        .read()
                        .errors());
        bad.put(ImportErrorCode.UNKNOWN_CUSTOMER, orders("O-1,C-999,2024-03-01,completed,10.00,\n"));
        bad.put(ImportErrorCode.WRONG_CURRENCY, orders("O-1,C-1,2024-03-01,completed,10.00,USD\n"));
        bad.put(
                ImportErrorCode.COLUMN_REPEATED,
                file("orders.csv", "order_id,customer_id,created_at,status,total,total\n"));
        bad.put(ImportErrorCode.COLUMN_MISSING, file("orders.csv", "order_id,customer_id,created_at,status\n"));
        bad.put(
                ImportErrorCode.MAPPED_COLUMN_MISSING,
                folder -> mapped(
                        folder,
                        "رقم العميل\nC-1\n",
                        Map.of("customer_id", List.of("رقم العميل"), "created_at", List.of("تاريخ التسجيل")),
                        null));
        bad.put(ImportErrorCode.FIELD_COUNT, orders("O-1,C-1,2024-03-01,completed\n"));
        bad.put(
                ImportErrorCode.FILE_MISSING,
                folder -> ImportFolder.in(folder)
                        .with("orders.csv", ORDERS_HEADER)
                        .read()
                        .errors());
        bad.put(ImportErrorCode.MAPPED_FILE_MISSING, folder -> {
            ImportFolder.in(folder).with("orders.csv", ORDERS_HEADER);
            return read(folder, mapping("عملاء*.csv", Map.of(), null)).errors();
        });
        bad.put(ImportErrorCode.EMPTY_FILE, file("products.csv", ""));
        bad.put(ImportErrorCode.UNCLOSED_QUOTE, orders("O-1,C-1,2024-03-01,completed,\"10.00,\n"));
        bad.put(ImportErrorCode.TEXT_AFTER_QUOTE, orders("O-1,C-1,2024-03-01,completed,\"10.00\"x,\n"));
        bad.put(
                ImportErrorCode.FIELD_TOO_BIG,
                file("products.csv", "product_id,name\nP-1,\"" + "x".repeat(17 * 1024 * 1024) + "\"\n"));
        bad.put(
                ImportErrorCode.TOO_MANY_FIELDS,
                file("products.csv", "product_id,name\nP-1" + ",x".repeat(16 * 1024) + "\n"));
        // a row of 64 M characters is too heavy for a unit test: the parser's own words for it, and for a refusal the
        // reader does not know (a later FastCSV's)
        bad.put(
                ImportErrorCode.ROW_TOO_BIG,
                parserRefusal("Field at index 3 in record starting at line 2 exceeds the max "
                        + "record size of 67108864 characters"));
        bad.put(ImportErrorCode.MALFORMED_CSV, parserRefusal("Something new went wrong (record starting at line 2)"));
        bad.put(
                ImportErrorCode.NOT_UTF8,
                folder -> ImportFolder.in(folder)
                        .with("customers.csv", ONE_CUSTOMER)
                        .with("orders.csv", ORDERS_HEADER)
                        .withBytes(
                                "products.csv",
                                "product_id,name\nP-1,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1))
                        .read()
                        .errors());
        // the second scan finds every bad byte the reader met, unless the file changed in between (here: mended)
        bad.put(
                ImportErrorCode.NOT_UTF8_SOMEWHERE,
                folder -> List.of(CanonicalFileReader.notUtf8(
                        "products.csv",
                        ImportFolder.in(folder)
                                .with("products.csv", "product_id\n")
                                .path()
                                .resolve("products.csv"))));
        bad.put(
                ImportErrorCode.NOT_A_FOLDER,
                folder -> new CanonicalFolderReader()
                        .read(
                                folder.resolve("none"),
                                ImportFolder.DEMO,
                                KnownRecords.none(),
                                RecordSink.discarding(),
                                ImportProgress.none())
                        .errors());
        return bad;
    }

    private static Function<Path, List<RowError>> parserRefusal(String message) {
        CsvParseException refusal = new CsvParseException(message);
        return folder -> List.of(RowError.of(
                "products.csv", CanonicalFileReader.parserLine(refusal), null, CanonicalFileReader.malformed(refusal)));
    }

    private static Function<Path, List<RowError>> orders(String rows) {
        return folder -> ImportFolder.in(folder).withOrders(rows).read().errors();
    }

    private static Function<Path, List<RowError>> customers(String rows) {
        return folder -> ImportFolder.in(folder)
                .with("customers.csv", CUSTOMERS_HEADER + rows)
                .with("orders.csv", ORDERS_HEADER)
                .read()
                .errors();
    }

    private static Function<Path, List<RowError>> lines(String unitPrice) {
        return folder -> ImportFolder.in(folder)
                .withOrders("O-1,C-1,2024-03-01,completed,10.00,\n")
                .with("order_items.csv", "order_id,product_id,quantity,unit_price\nO-1,P-1,1," + unitPrice + "\n")
                .read()
                .errors();
    }

    /** {@code text} as {@code name} beside a valid customers.csv (and an empty orders.csv, unless it is the file). */
    private static Function<Path, List<RowError>> file(String name, String text) {
        return folder -> {
            ImportFolder files =
                    ImportFolder.in(folder).with("customers.csv", ONE_CUSTOMER).with("orders.csv", ORDERS_HEADER);
            return files.with(name, text).read().errors();
        };
    }

    /** {@code customers} read as {@code عملاء.csv} through a mapping of its columns, with an empty orders.csv. */
    private static List<RowError> mapped(
            Path folder, String customers, Map<String, List<String>> columns, String dates) {
        ImportFolder.in(folder).with("عملاء.csv", customers).with("orders.csv", ORDERS_HEADER);
        return read(folder, mapping("عملاء*.csv", columns, dates)).errors();
    }

    private static ColumnMapping mapping(String source, Map<String, List<String>> columns, String dates) {
        return new ColumnMapping(
                "test",
                Map.of(CanonicalFile.CUSTOMERS, new FileMapping(source, columns, Map.of(), Map.of(), dates, false)));
    }

    private static ImportReport read(Path folder, ColumnMapping mapping) {
        return new CanonicalFolderReader()
                .read(
                        folder,
                        ImportFolder.DEMO,
                        KnownRecords.none(),
                        RecordSink.discarding(),
                        ImportProgress.none(),
                        mapping,
                        LocalDate.of(2024, 3, 1));
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
        try (InputStream in = ImportErrorCodesTest.class.getResourceAsStream("/messages_" + language + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
