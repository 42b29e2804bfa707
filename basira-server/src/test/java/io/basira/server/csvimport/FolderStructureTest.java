package io.basira.server.csvimport;

import static io.basira.server.csvimport.ImportFolder.DEMO;
import static io.basira.server.csvimport.ImportFolder.ORDERS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FolderStructureTest {

    @TempDir
    Path dir;

    private static List<String> errorsOf(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    private ImportFolder folder() {
        return ImportFolder.in(dir);
    }

    @Test
    void a_missing_required_file_is_an_error_naming_it() {
        ImportReport report = folder().with("orders.csv", ORDERS_HEADER).read();

        assertThat(errorsOf(report)).containsExactly("customers.csv: required file is missing from the folder");
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void missing_optional_files_and_unknown_files_are_fine() {
        ImportReport report = folder().withOrders("")
                .with("notes.txt", "hello")
                .with("coupons.csv", "x\n1\n")
                .read();

        assertThat(report.errors()).isEmpty();
        assertThat(report.isComplete()).isTrue();
        assertThat(report.files())
                .extracting(FileReport::file)
                .containsExactly(
                        "products.csv",
                        "customers.csv",
                        "orders.csv",
                        "order_items.csv",
                        "carts.csv",
                        "cart_items.csv",
                        "reviews.csv",
                        "wishlist.csv");
        assertThat(report.files())
                .filteredOn(FileReport::present)
                .extracting(FileReport::file)
                .containsExactly("customers.csv", "orders.csv");
    }

    @Test
    void a_missing_required_column_rejects_the_whole_file_on_line_1() {
        ImportFolder folder = folder().with("customers.csv", ImportFolder.ONE_CUSTOMER)
                .with("orders.csv", "order_id,customer_id,created_at\nO-1,C-1,2024-03-01\n");

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "orders.csv:1: status: required column is missing",
                        "orders.csv:1: total: required column is missing");
        assertThat(folder.sink.orders).isEmpty();
        assertThat(folder.sink.customers).hasSize(1);
        assertThat(report.files().get(2)).isEqualTo(new FileReport("orders.csv", true, 0, 0, 0, false));
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void a_canonical_column_given_twice_is_a_header_error() {
        ImportReport report = folder().with("customers.csv", "customer_id,created_at,email,Email,note,note\n")
                .with("orders.csv", ORDERS_HEADER)
                .read();

        assertThat(errorsOf(report))
                .containsExactly("customers.csv:1: email: column appears more than once in the header");
    }

    @Test
    void an_empty_file_has_no_header_and_is_reported() {
        ImportReport report = folder().withOrders("").with("products.csv", "").read();

        assertThat(errorsOf(report)).containsExactly("products.csv: the file is empty: it has no header row");
    }

    @Test
    void an_unclosed_quote_stops_the_file_at_the_record_where_it_opened() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01,completed,10.00,\n"
                + "O-2,C-1,2024-03-01,\"completed,10.00,\nO-3,C-1,2024-03-01,completed,10.00,\n");

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .singleElement()
                .asString()
                .startsWith("orders.csv:3: malformed CSV: Unclosed quoted field");
        assertThat(folder.sink.orders).hasSize(1);
        assertThat(report.isComplete()).isFalse();
    }

    @Test
    void file_names_are_matched_in_any_case() {
        ImportFolder folder = folder().with("Customers.CSV", ImportFolder.ONE_CUSTOMER)
                .with("ORDERS.csv", ORDERS_HEADER + "O-1,C-1,2024-03-01,completed,10.00,\n");

        assertThat(folder.read().errors()).isEmpty();
        assertThat(folder.sink.orders).hasSize(1);
    }

    @Test
    void a_path_that_is_not_a_folder_is_reported() {
        ImportReport report = new CanonicalFolderReader()
                .read(
                        dir.resolve("nowhere"),
                        DEMO,
                        KnownRecords.none(),
                        RecordSink.discarding(),
                        ImportProgress.none());

        assertThat(errorsOf(report)).containsExactly(dir.resolve("nowhere") + ": is not a folder");
    }

    @Test
    void reading_twice_gives_the_same_report_and_the_same_records() {
        ImportFolder folder = ImportFolder.resource("complete");
        ImportReport first = folder.read();
        List<Object> firstRecords = new ArrayList<>(folder.sink.all());
        CollectingSink again = new CollectingSink();

        ImportReport second = new CanonicalFolderReader()
                .read(folder.path(), DEMO, KnownRecords.none(), again, ImportProgress.none());

        assertThat(second).isEqualTo(first);
        assertThat(again.all()).isEqualTo(firstRecords).isNotEmpty();
    }

    @Test
    void errors_beyond_the_limit_are_counted_but_not_listed() {
        ImportReport report = ImportFolder.in(dir)
                .withOrders("O-1,C-9,2024-03-01,completed,10.00,\n".repeat(5))
                .read();
        ImportReport limited = new CanonicalFolderReader(2)
                .read(dir, DEMO, KnownRecords.none(), RecordSink.discarding(), ImportProgress.none());

        assertThat(report.errorCount()).isEqualTo(5);
        assertThat(limited.errors()).hasSize(2);
        assertThat(limited.errorCount()).isEqualTo(5);
        assertThat(limited.errorsLeftOut()).isEqualTo(3);
    }

    @Test
    void progress_starts_at_zero_and_ends_once_at_the_file_size() {
        ImportFolder.in(dir).withOrders("O-1,C-1,2024-03-01,completed,10.00,\n");
        List<long[]> calls = new ArrayList<>();
        List<String> files = new ArrayList<>();

        new CanonicalFolderReader()
                .read(dir, DEMO, KnownRecords.none(), RecordSink.discarding(), (file, read, total) -> {
                    files.add(file);
                    calls.add(new long[] {read, total});
                });

        assertThat(files).containsExactly("customers.csv", "customers.csv", "orders.csv", "orders.csv");
        long customersSize = ImportFolder.ONE_CUSTOMER.length();
        assertThat(calls.get(0)).containsExactly(0, customersSize);
        assertThat(calls.get(1)).containsExactly(customersSize, customersSize);
    }

    @Test
    void the_sink_is_told_when_each_present_file_is_done() {
        ImportFolder folder = ImportFolder.resource("complete");

        folder.read();

        assertThat(folder.sink.filesDone)
                .containsExactly(
                        "products.csv",
                        "customers.csv",
                        "orders.csv",
                        "order_items.csv",
                        "carts.csv",
                        "cart_items.csv",
                        "reviews.csv",
                        "wishlist.csv");
    }
}
