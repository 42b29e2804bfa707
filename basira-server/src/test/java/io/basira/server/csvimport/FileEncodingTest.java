package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.Customer;
import io.basira.shared.Money;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The byte-level shapes a merchant's CSV arrives in, from files under src/test/resources/csvimport/. */
class FileEncodingTest {

    private static List<String> errorsOf(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    @Test
    void a_utf8_byte_order_mark_before_the_header_is_skipped() {
        ImportFolder folder = ImportFolder.resource("bom");

        ImportReport report = folder.read();

        assertThat(report.errors()).isEmpty();
        assertThat(folder.sink.customers).extracting(Customer::externalId).containsExactly("C-1");
        assertThat(folder.sink.orders).hasSize(1);
    }

    @Test
    void crlf_line_ends_and_a_trailing_empty_line_are_read_with_physical_line_numbers() {
        ImportFolder folder = ImportFolder.resource("crlf");

        ImportReport report = folder.read();

        assertThat(errorsOf(report)).containsExactly("orders.csv:3: total: '-1.00' is negative");
        assertThat(folder.sink.customers).extracting(Customer::firstName).containsExactly("Sara", "Omar");
        assertThat(report.files().get(1)).isEqualTo(new FileReport("customers.csv", true, 2, 2, 0, true));
    }

    @Test
    void quoted_fields_keep_their_commas_doubled_quotes_and_newlines() {
        ImportFolder folder = ImportFolder.resource("quoted");

        folder.read();

        assertThat(folder.sink.customers.get(0).firstName()).isEqualTo("Sara, the first");
        assertThat(folder.sink.customers.get(0).lastName()).isEqualTo("Al \"Qahtani\"");
        assertThat(folder.sink.customers.get(1).lastName()).isEqualTo("two\nlines");
        assertThat(folder.sink.orders.get(0).couponCode()).isEqualTo("A,B");
    }

    @Test
    void a_record_after_an_embedded_newline_is_reported_on_the_physical_line_where_it_starts() {
        ImportReport report = ImportFolder.resource("quoted").read();

        assertThat(errorsOf(report))
                .containsExactly("customers.csv:5: created_at: 'not-a-date' is not an ISO-8601 "
                        + "date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)");
    }

    @Test
    void arabic_names_cities_and_tags_round_trip_into_the_records() {
        ImportFolder folder = ImportFolder.resource("arabic");

        ImportReport report = folder.read();

        assertThat(report.errors()).isEmpty();
        Customer sara = folder.sink.customers.get(0);
        assertThat(sara.firstName()).isEqualTo("سارة");
        assertThat(sara.lastName()).isEqualTo("القحطاني");
        assertThat(sara.city()).isEqualTo("الرياض");
        assertThat(sara.region()).isEqualTo("منطقة الرياض");
        assertThat(sara.tags()).containsExactlyInAnyOrder("عميل مميز", "ذهبي");
        Customer omar = folder.sink.customers.get(1);
        assertThat(omar.lastName()).isEqualTo("بن سعيد، الابن");
        assertThat(omar.country()).isEqualTo("SA");
        assertThat(folder.sink.orders.get(0).couponCode()).isEqualTo("رمضان");
        assertThat(folder.sink.products.get(0).name()).isEqualTo("علبة تمر");
        assertThat(folder.sink.products.get(0).price()).isEqualTo(Money.ofMinor(4_500, Currency.getInstance("SAR")));
    }

    @Test
    void a_file_that_is_not_utf8_is_a_clear_error_at_the_line_of_the_first_bad_byte() {
        ImportFolder folder = ImportFolder.resource("not-utf8");

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .containsExactly("customers.csv:3: the file is not valid UTF-8 "
                        + "(byte 0xE9 at offset 61); save it as UTF-8 (\"CSV UTF-8\" in Excel)");
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void overlong_utf8_and_encoded_surrogates_are_refused_at_their_line_not_rewritten(@TempDir Path dir) {
        byte[] header = ImportFolder.CUSTOMERS_HEADER.getBytes(StandardCharsets.UTF_8);
        // "PGS" + overlong '/' (C0 AF) or a UTF-8-encoded lone surrogate U+D800 (ED A0 80) + "X"
        for (byte[] bad :
                List.of(new byte[] {(byte) 0xC0, (byte) 0xAF}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})) {
            ImportFolder folder = ImportFolder.in(dir)
                    .withBytes(
                            "customers.csv",
                            concat(
                                    header,
                                    "C-1,Sara,,,,2024-01-05,\nPGS".getBytes(StandardCharsets.UTF_8),
                                    bad,
                                    "X,Sara,,,,2024-01-05,\n".getBytes(StandardCharsets.UTF_8)))
                    .with("orders.csv", ImportFolder.ORDERS_HEADER);

            ImportReport report = folder.read();

            assertThat(errorsOf(report))
                    .singleElement()
                    .asString()
                    .startsWith(
                            "customers.csv:3: the file is not valid UTF-8 (byte 0x" + String.format("%02X", bad[0]));
            assertThat(report.isComplete()).isFalse();
        }
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    @Test
    void every_file_of_a_complete_folder_is_read_into_its_records() {
        ImportFolder folder = ImportFolder.resource("complete");

        ImportReport report = folder.read();

        assertThat(report.errors()).isEmpty();
        assertThat(report.files()).extracting(FileReport::imported).containsExactly(2L, 2L, 2L, 3L, 2L, 2L, 2L, 1L);
        assertThat(folder.sink.orders.get(0).discountTotal())
                .isEqualTo(Money.ofMinor(2_000, Currency.getInstance("SAR")));
        assertThat(folder.sink.orders.get(0).isDiscounted()).isTrue();
        assertThat(folder.sink.orderLines.get(1).unitPrice().toPlainString()).isEqualTo("129.50");
        assertThat(folder.sink.customers.get(1).country()).isEqualTo("AE");
    }
}
