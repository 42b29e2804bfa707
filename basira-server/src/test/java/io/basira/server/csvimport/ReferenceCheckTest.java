package io.basira.server.csvimport;

import static io.basira.server.csvimport.ImportFolder.CUSTOMERS_HEADER;
import static io.basira.server.csvimport.ImportFolder.ORDERS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferenceCheckTest {

    @TempDir
    Path dir;

    private static List<String> errorsOf(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    private ImportFolder folder() {
        return ImportFolder.in(dir);
    }

    @Test
    void an_order_may_refer_to_a_customer_defined_earlier_in_the_same_import() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01,completed,10.00,\n");

        assertThat(folder.read().errors()).isEmpty();
        assertThat(folder.sink.orders).hasSize(1);
    }

    @Test
    void an_order_may_refer_to_a_customer_known_only_to_the_database() {
        ImportFolder folder = folder().with("customers.csv", CUSTOMERS_HEADER)
                .with("orders.csv", ORDERS_HEADER + "O-1,C-77,2024-03-01,completed,10.00,\n");

        ImportReport report = folder.read(StoreDatabase.withCustomers("C-77"));

        assertThat(report.errors()).isEmpty();
        assertThat(folder.sink.orders)
                .singleElement()
                .satisfies(o -> assertThat(o.customerExternalId()).isEqualTo("C-77"));
    }

    @Test
    void an_order_of_an_unknown_customer_is_rejected() {
        ImportReport report = folder().withOrders(
                        "O-1,C-1,2024-03-01,completed,10.00,\n" + "O-2,C-999,2024-03-01,completed,10.00,\n")
                .read(StoreDatabase.withCustomers("C-77"));

        assertThat(errorsOf(report))
                .containsExactly("orders.csv:3: customer_id: customer 'C-999' does not exist in store 'demo'");
    }

    @Test
    void a_customer_whose_row_was_rejected_is_not_known_to_the_orders_after_it() {
        ImportReport report = folder().with(
                        "customers.csv", CUSTOMERS_HEADER + "C-1,Sara,Riyadh,SA,female,not-a-date,\n")
                .with("orders.csv", ORDERS_HEADER + "O-1,C-1,2024-03-01,completed,10.00,\n")
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "customers.csv:2: created_at: 'not-a-date' is not an ISO-8601 date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)",
                        "orders.csv:2: customer_id: customer 'C-1' does not exist in store 'demo'");
    }

    @Test
    void an_order_in_another_currency_is_rejected_and_the_store_currency_in_any_case_or_empty_is_fine() {
        ImportReport report = folder().withOrders("O-1,C-1,2024-03-01,completed,10.00,SAR\n"
                        + "O-2,C-1,2024-03-01,completed,10.00,sar\n"
                        + "O-3,C-1,2024-03-01,completed,10.00,\n"
                        + "O-4,C-1,2024-03-01,completed,10.00,USD\n")
                .read();

        assertThat(errorsOf(report)).containsExactly("orders.csv:5: currency: 'USD' is not the store's currency SAR");
    }

    @Test
    void an_order_line_needs_an_order_of_the_import_or_of_the_database() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01,completed,10.00,\n")
                .with(
                        "order_items.csv",
                        "order_id,product_id,quantity,unit_price\n"
                                + "O-1,P-1,2,5.00\n"
                                + "O-OLD,P-1,1,5.00\n"
                                + "O-9,P-1,1,5.00\n");

        ImportReport report = folder.read(StoreDatabase.withOrders("O-OLD"));

        assertThat(errorsOf(report))
                .containsExactly("order_items.csv:4: order_id: order 'O-9' does not exist in store 'demo'");
        assertThat(folder.sink.orderLines)
                .extracting(line -> line.orderExternalId())
                .containsExactly("O-1", "O-OLD");
    }

    @Test
    void reviews_wishlist_items_and_carts_need_a_known_customer_when_they_name_one() {
        ImportFolder folder = folder().withOrders("")
                .with(
                        "carts.csv",
                        "cart_id,customer_id,created_at,status\n"
                                + "K-1,C-1,2024-03-01,open\nK-2,C-404,2024-03-01,open\nK-3,,2024-03-01,open\n")
                .with(
                        "reviews.csv",
                        "review_id,customer_id,rating,created_at\n" + "R-1,C-1,5,2024-03-01\nR-2,C-404,5,2024-03-01\n")
                .with(
                        "wishlist.csv",
                        "customer_id,product_id,added_at\n" + "C-1,P-1,2024-03-01\nC-404,P-1,2024-03-01\n");

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "carts.csv:3: customer_id: customer 'C-404' does not exist in store 'demo'",
                        "reviews.csv:3: customer_id: customer 'C-404' does not exist in store 'demo'",
                        "wishlist.csv:3: customer_id: customer 'C-404' does not exist in store 'demo'");
        assertThat(folder.sink.carts).hasSize(2);
        assertThat(folder.sink.reviews).hasSize(1);
        assertThat(folder.sink.wishlist).hasSize(1);
    }

    @Test
    void a_duplicate_id_is_not_an_error_and_both_versions_reach_the_sink_in_file_order() {
        ImportFolder folder =
                folder().withOrders("O-1,C-1,2024-03-01,pending,10.00,\n" + "O-1,C-1,2024-03-01,returned,10.00,\n");

        ImportReport report = folder.read();

        assertThat(report.errors()).isEmpty();
        assertThat(folder.sink.orders).extracting(o -> o.status().code()).containsExactly("pending", "returned");
    }
}
