package io.basira.server.csvimport;

import static io.basira.server.csvimport.ImportFolder.CUSTOMERS_HEADER;
import static io.basira.server.csvimport.ImportFolder.ORDERS_HEADER;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.CartStatus;
import io.basira.commerce.Gender;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Money;
import java.nio.file.Path;
import java.util.Currency;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RowValidationTest {

    private static final Currency SAR = Currency.getInstance("SAR");

    @TempDir
    Path dir;

    private List<String> errorsOf(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    private ImportFolder folder() {
        return ImportFolder.in(dir);
    }

    @Test
    void a_valid_order_becomes_an_order_with_exact_money() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01T18:20:00+03:00,Completed,199.50,\n");

        ImportReport report = folder.read();

        assertThat(report.errors()).isEmpty();
        assertThat(folder.sink.orders).singleElement().satisfies(order -> {
            assertThat(order.total()).isEqualTo(Money.ofMinor(19_950, SAR));
            assertThat(order.status()).isEqualTo(OrderStatus.COMPLETED);
            assertThat(order.discountTotal()).isEqualTo(Money.zero(SAR));
        });
        assertThat(report.files())
                .filteredOn(f -> f.file().equals("orders.csv"))
                .singleElement()
                .isEqualTo(new FileReport("orders.csv", true, 1, 1, 0, true));
    }

    @Test
    void an_empty_required_value_is_reported_with_its_column() {
        ImportReport report =
                folder().withOrders("O-1, ,2024-03-01,completed,10.00,\n").read();

        assertThat(errorsOf(report)).containsExactly("orders.csv:2: customer_id: required value is empty");
    }

    @Test
    void a_negative_total_is_reported_as_written() {
        ImportReport report = folder().withOrders(
                        "O-1,C-1,2024-03-01,completed,10.00,\n" + "O-2,C-1,2024-03-01,completed,-5.00,\n")
                .read();

        assertThat(errorsOf(report)).containsExactly("orders.csv:3: total: '-5.00' is negative");
        assertThat(report.files().get(2)).isEqualTo(new FileReport("orders.csv", true, 2, 1, 1, true));
    }

    @Test
    void a_total_with_more_decimals_than_the_currency_has_is_rejected() {
        ImportReport report =
                folder().withOrders("O-1,C-1,2024-03-01,completed,10.505,\n").read();

        assertThat(errorsOf(report)).containsExactly("orders.csv:2: total: '10.505' has more than 2 decimals for SAR");
    }

    @Test
    void trailing_zeros_beyond_the_currency_decimals_are_exact_and_accepted() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01,completed,10.500,\n");

        assertThat(folder.read().errors()).isEmpty();
        assertThat(folder.sink.orders.get(0).total()).isEqualTo(Money.ofMinor(1_050, SAR));
    }

    @Test
    void a_total_that_is_not_a_number_is_rejected() {
        ImportReport report = folder().withOrders("O-1,C-1,2024-03-01,completed,\"12,5\",\n"
                        + "O-2,C-1,2024-03-01,completed,1e3,\n"
                        + "O-3,C-1,2024-03-01,completed,99999999999999999999,\n")
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "orders.csv:2: total: '12,5' is not a decimal number (199.50)",
                        "orders.csv:3: total: '1e3' is not a decimal number (199.50)",
                        "orders.csv:4: total: '99999999999999999999' is too large (at most 999999999999 and a fraction)");
    }

    @Test
    void a_date_time_that_does_not_parse_is_rejected() {
        ImportReport report =
                folder().withOrders("O-1,C-1,yesterday,completed,10.00,\n").read();

        assertThat(errorsOf(report))
                .containsExactly("orders.csv:2: created_at: 'yesterday' is not an ISO-8601 "
                        + "date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)");
    }

    @Test
    void an_unknown_order_status_lists_the_canonical_ones() {
        ImportReport report =
                folder().withOrders("O-1,C-1,2024-03-01,shipped,10.00,\n").read();

        assertThat(errorsOf(report))
                .containsExactly("orders.csv:2: status: unknown status 'shipped', expected one of "
                        + "quotation, pending, processing, completed, cancelled, returned");
    }

    @Test
    void a_row_with_several_problems_lists_each_of_them() {
        ImportReport report =
                folder().withOrders("O-1,C-999,soon,sent,-1,USD\n").read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "orders.csv:2: customer_id: customer 'C-999' does not exist in store 'demo'",
                        "orders.csv:2: created_at: 'soon' is not an ISO-8601 date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)",
                        "orders.csv:2: status: unknown status 'sent', expected one of quotation, pending, processing, completed, cancelled, returned",
                        "orders.csv:2: total: '-1' is negative",
                        "orders.csv:2: currency: 'USD' is not the store's currency SAR");
        assertThat(report.rejected()).isEqualTo(1);
    }

    @Test
    void a_customer_row_is_read_whole_with_optional_values_left_null() {
        ImportFolder folder = folder().with(
                        "customers.csv",
                        CUSTOMERS_HEADER + "C-1,Sara,Riyadh,sa,FEMALE,2024-01-05, vip ; ;gold;\n"
                                + "C-2,,,,,2024-01-06,\n")
                .with("orders.csv", ORDERS_HEADER);

        assertThat(folder.read().errors()).isEmpty();

        assertThat(folder.sink.customers.get(0)).satisfies(sara -> {
            assertThat(sara.country()).isEqualTo("SA");
            assertThat(sara.gender()).isEqualTo(Gender.FEMALE);
            assertThat(sara.tags()).containsExactlyInAnyOrder("vip", "gold");
        });
        assertThat(folder.sink.customers.get(1)).satisfies(anonymous -> {
            assertThat(anonymous.firstName()).isNull();
            assertThat(anonymous.country()).isNull();
            assertThat(anonymous.gender()).isNull();
            assertThat(anonymous.tags()).isEmpty();
        });
    }

    @Test
    void an_unknown_gender_a_bad_birth_date_and_a_bad_country_are_rejected() {
        ImportReport report = folder().with(
                        "customers.csv",
                        "customer_id,gender,birth_date,country,created_at\n"
                                + "C-1,m,17/05/1990,Saudi Arabia,2024-01-05\n"
                                + "C-2,female,1990-05-17,XX,2024-01-05\n")
                .with("orders.csv", ORDERS_HEADER)
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "customers.csv:2: gender: unknown gender 'm', expected male, female or empty",
                        "customers.csv:2: birth_date: '17/05/1990' is not a date (YYYY-MM-DD)",
                        "customers.csv:2: country: 'Saudi Arabia' is not an ISO 3166 alpha-2 country code (SA, AE)",
                        "customers.csv:3: country: 'XX' is not an ISO 3166 alpha-2 country code (SA, AE)");
    }

    @Test
    void what_a_record_constructor_refuses_becomes_an_error_of_the_column_it_names() {
        String longId = "C".repeat(129);
        ImportReport report = folder().with("customers.csv", CUSTOMERS_HEADER + longId + ",,,,,2024-01-05,\n")
                .with("orders.csv", ORDERS_HEADER)
                .read();

        assertThat(errorsOf(report))
                .containsExactly("customers.csv:2: customer_id: is longer than 128 characters (it has 129)");
    }

    @Test
    void a_value_longer_than_its_column_is_an_error_of_that_row_and_column() {
        ImportFolder folder = folder().with(
                        "customers.csv",
                        CUSTOMERS_HEADER
                                + "C-1," + "ن".repeat(200) + ",Riyadh,SA,,2024-01-05,\n"
                                + "C-2," + "n".repeat(201) + ",Riyadh,SA,,2024-01-05,\n"
                                + "C-3,Sara," + "R".repeat(101) + ",SA,,2024-01-05,\n"
                                + "C-4,Sara,Riyadh,SA,,2024-01-05," + "t".repeat(2001) + "\n")
                .with("orders.csv", ORDERS_HEADER);

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "customers.csv:3: first_name: is longer than 200 characters (it has 201)",
                        "customers.csv:4: city: is longer than 100 characters (it has 101)",
                        "customers.csv:5: tags: is longer than 2000 characters (it has 2001)");
        assertThat(folder.sink.customers)
                .singleElement()
                .satisfies(customer -> assertThat(customer.firstName()).hasSize(200));
    }

    @Test
    void control_characters_are_refused_not_stored() {
        ImportReport report = folder().with(
                        "customers.csv",
                        CUSTOMERS_HEADER
                                + "C-1,Sa\u0000ra,Riyadh,SA,,2024-01-05,\n"
                                + "C-3,\"Sa\u0007ra\",Riyadh,SA,,2024-01-05,\n")
                .with("orders.csv", ORDERS_HEADER)
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "customers.csv:2: first_name: contains the control character U+0000 at character 3",
                        "customers.csv:3: first_name: contains the control character U+0007 at character 3");
    }

    @Test
    void dates_outside_1900_to_2199_are_refused_as_written() {
        ImportReport report = folder().with(
                        "customers.csv",
                        "customer_id,birth_date,created_at\n"
                                + "C-1,1900-01-01,1900-01-01\n"
                                + "C-2,2199-12-31,2199-12-31T23:59:59+03:00\n"
                                + "C-3,1899-12-31,2024-01-05\n"
                                + "C-4,1990-05-17,+999999999-12-31T23:59:59Z\n"
                                + "C-5,1990-05-17,2200-01-01\n")
                .with("orders.csv", ORDERS_HEADER + "O-1,C-1,-999999999-01-01T00:00:00Z,completed,10.00,\n")
                .read();

        String outside = " is outside the accepted dates 1900-01-01 to 2199-12-31";
        assertThat(errorsOf(report))
                .containsExactly(
                        "customers.csv:4: birth_date: '1899-12-31'" + outside,
                        "customers.csv:5: created_at: '+999999999-12-31T23:59:59Z'" + outside,
                        "customers.csv:6: created_at: '2200-01-01'" + outside,
                        "orders.csv:2: created_at: '-999999999-01-01T00:00:00Z'" + outside);
    }

    @Test
    void quantity_must_be_a_positive_integer() {
        ImportReport report = folder().withOrders("O-1,C-1,2024-03-01,completed,10.00,\n")
                .with(
                        "order_items.csv",
                        "order_id,product_id,quantity,unit_price\n"
                                + "O-1,P-1,0,5.00\n"
                                + "O-1,P-2,1.5,5.00\n"
                                + "O-1,P-3,two,5.00\n"
                                + "O-1,P-4,-2,5.00\n"
                                + "O-1,P-5,3,5.00\n")
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "order_items.csv:2: quantity: '0' is not a positive integer",
                        "order_items.csv:3: quantity: '1.5' is not a positive integer",
                        "order_items.csv:4: quantity: 'two' is not a positive integer",
                        "order_items.csv:5: quantity: '-2' is not a positive integer");
    }

    @Test
    void amounts_and_quantities_in_arabic_indic_or_persian_digits_are_read() {
        ImportFolder folder = folder().withOrders("O-1,C-1,2024-03-01,completed,١٬٥٠٠٫٥٠,\n"
                        + "O-2,C-1,2024-03-01,completed,۱۹۹٫۵,\n"
                        + "O-3,C-1,2024-03-01,completed,١٫٥٠٥,\n")
                .with(
                        "order_items.csv",
                        "order_id,product_id,quantity,unit_price\n" + "O-1,P-1,٣,٥٠٠٫١٦\n" + "O-2,P-2,١٥x,5\n");

        ImportReport report = folder.read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "orders.csv:4: total: '١٫٥٠٥' has more than 2 decimals for SAR",
                        "order_items.csv:3: quantity: '١٥x' is not a positive integer");
        assertThat(folder.sink.orders)
                .extracting(order -> order.total().minor())
                .containsExactly(150_050L, 19_950L);
        assertThat(folder.sink.orderLines).singleElement().satisfies(line -> {
            assertThat(line.quantity()).isEqualTo(3);
            assertThat(line.unitPrice()).isEqualTo(Money.ofMinor(50_016, SAR));
        });
    }

    @Test
    void a_rating_must_be_from_1_to_5() {
        ImportFolder folder = folder().withOrders("")
                .with(
                        "reviews.csv",
                        "review_id,customer_id,product_id,rating,created_at\n"
                                + "R-1,C-1,P-1,6,2024-03-01\n"
                                + "R-2,C-1,,0,2024-03-01\n"
                                + "R-3,C-1,,4.5,2024-03-01\n"
                                + "R-4,C-1,,5,2024-03-01\n");

        assertThat(errorsOf(folder.read()))
                .containsExactly(
                        "reviews.csv:2: rating: '6' is not an integer from 1 to 5",
                        "reviews.csv:3: rating: '0' is not an integer from 1 to 5",
                        "reviews.csv:4: rating: '4.5' is not an integer from 1 to 5");
        assertThat(folder.sink.reviews)
                .singleElement()
                .satisfies(review -> assertThat(review.isStoreRating()).isTrue());
    }

    @Test
    void an_unknown_cart_status_lists_the_allowed_ones() {
        ImportFolder folder = folder().withOrders("")
                .with(
                        "carts.csv",
                        "cart_id,customer_id,created_at,updated_at,total,items_count,status\n"
                                + "K-1,,2024-03-01,,,,lost\n"
                                + "K-2,,2024-03-01,,12.00,2,Abandoned\n");

        assertThat(errorsOf(folder.read()))
                .containsExactly(
                        "carts.csv:2: status: unknown cart status 'lost', expected one of open, abandoned, recovered, converted");
        assertThat(folder.sink.carts).singleElement().satisfies(cart -> {
            assertThat(cart.status()).isEqualTo(CartStatus.ABANDONED);
            assertThat(cart.customerExternalId()).isNull();
            assertThat(cart.itemsCount()).isEqualTo(2);
        });
    }

    @Test
    void a_row_with_the_wrong_number_of_fields_is_rejected() {
        ImportReport report = folder().withOrders(
                        "O-1,C-1,2024-03-01,completed,10.00\n" + "O-2,C-1,2024-03-01,completed,10,00,\n")
                .read();

        assertThat(errorsOf(report))
                .containsExactly(
                        "orders.csv:2: has 5 fields but the header has 6",
                        "orders.csv:3: has 7 fields but the header has 6");
    }

    @Test
    void column_names_are_matched_trimmed_and_in_any_case_and_unknown_columns_are_ignored() {
        ImportFolder folder = folder().with("customers.csv", ImportFolder.ONE_CUSTOMER)
                .with(
                        "orders.csv",
                        " Order_ID ,notes,CUSTOMER_ID,Created_At,STATUS,Total\n"
                                + "O-1,call first,C-1,2024-03-01,pending,10.00\n");

        assertThat(folder.read().errors()).isEmpty();
        assertThat(folder.sink.orders)
                .singleElement()
                .satisfies(o -> assertThat(o.externalId()).isEqualTo("O-1"));
    }
}
