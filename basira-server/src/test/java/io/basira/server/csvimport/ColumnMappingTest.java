package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Money;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ColumnMappingTest {

    private static final Currency SAR = Currency.getInstance("SAR");
    private static final LocalDate IMPORT_DAY = LocalDate.of(2026, 12, 6);

    @TempDir
    Path dir;

    private final CollectingSink sink = new CollectingSink();

    private ImportReport read(ColumnMapping mapping) {
        return new CanonicalFolderReader()
                .read(dir, ImportFolder.DEMO, KnownRecords.none(), sink, ImportProgress.none(), mapping, IMPORT_DAY);
    }

    private static List<String> errors(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    private static final String ARABIC_CUSTOMERS = """
            {"name": "mine", "files": {"customers": {"source": "عملاء*.csv", "date_format": "dd/MM/yyyy[ HH:mm]",
              "columns": {"customer_id": "رقم العميل", "first_name": "الاسم", "gender": "الجنس",
                          "created_at": "تاريخ التسجيل", "birth_date": "تاريخ الميلاد"},
              "values": {"gender": {"ذكر": "male", "أنثى": "female"}}}}}
            """;

    @Test
    void arabic_headers_gender_words_and_day_first_dates_become_canonical_customers() {
        ImportFolder.in(dir)
                .with(
                        "عملاء-2024.csv",
                        "رقم العميل,الاسم,الجنس,تاريخ الميلاد,تاريخ التسجيل\n"
                                + "C-1,سارة,أنثى,17/05/1990,05/01/2024 10:30\n"
                                + "C-2,خالد,ذكر,,31/12/2023\n")
                .with("orders.csv", ImportFolder.ORDERS_HEADER + "O-1,C-1,2024-03-01,completed,10.00,\n");

        ImportReport report = read(ColumnMappingJson.read(ARABIC_CUSTOMERS));

        assertThat(errors(report)).isEmpty();
        assertThat(sink.customers).hasSize(2);
        assertThat(sink.customers.get(0).gender()).isEqualTo(Gender.FEMALE);
        assertThat(sink.customers.get(0).birthDate()).isEqualTo(LocalDate.of(1990, 5, 17));
        assertThat(sink.customers.get(0).createdAt()).isEqualTo(Instant.parse("2024-01-05T07:30:00Z"));
        assertThat(sink.customers.get(1).gender()).isEqualTo(Gender.MALE);
        assertThat(sink.customers.get(1).createdAt()).isEqualTo(Instant.parse("2023-12-30T21:00:00Z"));
        assertThat(sink.orders).hasSize(1);
    }

    @Test
    void an_error_names_the_merchants_file_line_and_header_beside_the_canonical_column() {
        ImportFolder.in(dir)
                .with(
                        "عملاء.csv",
                        "رقم العميل,الاسم,الجنس,تاريخ الميلاد,تاريخ التسجيل\n"
                                + "C-1,سارة,غير معروف,1990-13-45,2024/01/05\n")
                .with("orders.csv", ImportFolder.ORDERS_HEADER);

        ImportReport report = read(ColumnMappingJson.read(ARABIC_CUSTOMERS));

        assertThat(errors(report))
                .containsExactlyInAnyOrder(
                        "عملاء.csv:2: birth_date (تاريخ الميلاد): '1990-13-45' is not a date (YYYY-MM-DD)",
                        "عملاء.csv:2: created_at (تاريخ التسجيل): '2024/01/05' is not a date in the format "
                                + "dd/MM/yyyy[ HH:mm]",
                        "عملاء.csv:2: gender (الجنس): unknown gender 'غير معروف', expected male, female or empty");
    }

    @Test
    void a_header_without_a_required_columns_source_rejects_the_file_naming_the_headers_looked_for() {
        ImportFolder.in(dir)
                .with("عملاء.csv", "رقم العميل,الاسم\nC-1,سارة\n")
                .with("orders.csv", ImportFolder.ORDERS_HEADER);

        ImportReport report = read(ColumnMappingJson.read(ARABIC_CUSTOMERS));

        assertThat(errors(report))
                .containsExactly(
                        "عملاء.csv:1: created_at: required column is missing: the file has none of the headers 'تاريخ التسجيل'");
        assertThat(report.isComplete()).isFalse();
        assertThat(sink.customers).isEmpty();
    }

    @Test
    void shopifys_orders_export_gives_orders_and_their_lines_from_one_file() {
        ImportFolder.in(dir).with("customers_export.csv", """
                Customer ID,First Name,Last Name,Email,Accepts Email Marketing,Default Address City,\
                Default Address Province Code,Default Address Country Code,Phone,Total Spent,Total Orders,Tags
                101,Sara,Q,sara@example.com,yes,Riyadh,01,SA,,120.00,1,"vip, gold"
                """).with("orders_export_1.csv", """
                Name,Email,Financial Status,Paid at,Fulfillment Status,Currency,Subtotal,Shipping,Taxes,Total,\
                Discount Code,Discount Amount,Shipping Method,Created at,Lineitem quantity,Lineitem name,\
                Lineitem price,Lineitem sku,Payment Method,Phone
                #1001,sara@example.com,paid,2024-03-01 18:25:00 +0300,fulfilled,SAR,100.00,20.00,0.00,110.00,\
                RAMADAN,10.00,Aramex,2024-03-01 18:20:00 +0300,2,Dates box,45.00,DATE-1,mada,
                #1001,sara@example.com,,,,,,,,,,,,,1,Coffee,10.00,,,
                #1002,sara@example.com,refunded,,unfulfilled,SAR,5.00,0,0,5.00,,0,,2024-03-02 09:00:00 +0300,\
                1,Sample,5.00,S-1,,
                """);

        ImportReport report = read(MappingPresets.presets("shopify-customers,shopify-orders"));

        assertThat(errors(report)).isEmpty();
        assertThat(sink.customers).singleElement().satisfies(c -> {
            assertThat(c.externalId()).isEqualTo("sara@example.com");
            assertThat(c.tags()).containsExactlyInAnyOrder("vip", "gold");
            assertThat(c.createdAt()).isEqualTo(Instant.parse("2026-12-05T21:00:00Z"));
        });
        assertThat(sink.orders)
                .extracting(o -> o.externalId(), o -> o.status(), o -> o.total())
                .containsExactly(
                        tuple("#1001", OrderStatus.COMPLETED, Money.ofMinor(11_000, SAR)),
                        tuple("#1002", OrderStatus.RETURNED, Money.ofMinor(500, SAR)));
        assertThat(sink.orders.get(0).createdAt()).isEqualTo(Instant.parse("2024-03-01T15:20:00Z"));
        assertThat(sink.orders.get(0).couponCode()).isEqualTo("RAMADAN");
        assertThat(sink.orderLines)
                .extracting(l -> l.orderExternalId(), l -> l.productExternalId(), l -> l.quantity())
                .containsExactly(tuple("#1001", "DATE-1", 2), tuple("#1001", "Coffee", 1), tuple("#1002", "S-1", 1));
        assertThat(report.files())
                .extracting(FileReport::file, FileReport::rowsRead)
                .contains(
                        tuple("orders_export_1.csv → orders.csv", 2L),
                        tuple("orders_export_1.csv → order_items.csv", 3L));
    }

    @Test
    void salla_status_names_in_arabic_become_canonical_statuses() {
        ImportFolder.in(dir).with("customers.csv", ImportFolder.ONE_CUSTOMER).with("salla-orders.csv", """
                رقم الطلب,رقم العميل,تاريخ الطلب,حالة الطلب,إجمالي الطلب
                1,C-1,05/01/2024,تم التنفيذ,100
                2,C-1,2024/01/06 13:00,بانتظار الدفع,50.5
                3,C-1,07/01/2024,ملغي,0
                4,C-1,08/01/2024,مسترجع,12
                5,C-1,09/01/2024,تم الشحن,12
                """);

        ImportReport report = read(MappingPresets.preset("salla-orders"));

        assertThat(errors(report)).isEmpty();
        assertThat(sink.orders)
                .extracting(o -> o.status())
                .containsExactly(
                        OrderStatus.COMPLETED,
                        OrderStatus.PENDING,
                        OrderStatus.CANCELLED,
                        OrderStatus.RETURNED,
                        OrderStatus.PROCESSING);
        assertThat(sink.orders.get(1).createdAt()).isEqualTo(Instant.parse("2024-01-06T10:00:00Z"));
    }

    @Test
    void a_required_file_the_mapping_finds_no_source_for_is_reported() {
        ImportFolder.in(dir).with("customers.csv", ImportFolder.ONE_CUSTOMER);

        ImportReport report = read(MappingPresets.preset("zid-orders"));

        assertThat(errors(report))
                .containsExactly(
                        "orders.csv: required file is missing from the folder: no file matches '*orders*.csv' of the "
                                + "column mapping");
    }

    @Test
    void every_preset_reads_and_writes_back_to_the_same_mapping() {
        for (String name : MappingPresets.NAMES) {
            ColumnMapping preset = MappingPresets.preset(name);
            assertThat(ColumnMappingJson.read(ColumnMappingJson.write(preset)))
                    .as(name)
                    .isEqualTo(preset);
        }
    }

    @Test
    void a_mapping_naming_an_unknown_column_or_kind_is_refused_with_the_reason() {
        assertThatThrownBy(() -> ColumnMappingJson.read(
                        "{\"files\": {\"customers\": {\"source\": \"a.csv\", \"columns\": {\"shoe_size\": \"x\"}}}}"))
                .hasMessageContaining("'shoe_size' is not a column of customers.csv");
        assertThatThrownBy(() -> ColumnMappingJson.read("{\"files\": {\"invoices\": {\"source\": \"a.csv\"}}}"))
                .hasMessageContaining("'invoices' is not a kind of file");
        assertThatThrownBy(() -> ColumnMappingJson.read(
                        "{\"files\": {\"orders\": {\"source\": \"a.csv\", \"date_format\": \"dd/MM/yyyy{\"}}}"))
                .hasMessageContaining("date_format");
        assertThatThrownBy(() -> MappingPresets.preset("woo")).hasMessageContaining("salla-customers");
    }
}
