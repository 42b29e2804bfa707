package io.basira.server.csvimport;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.CartLine;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cart_items.csv}: the lines of the import's carts or of carts the store has (docs/import.md). */
class CartItemsCsvTest {

    private static final String CARTS = "cart_id,customer_id,created_at,status\n" + "K-1,C-1,2024-03-03,abandoned\n";
    private static final String HEADER = "cart_id,product_id,quantity,unit_price,name,url\n";

    @TempDir
    Path dir;

    private static List<String> errorsOf(ImportReport report) {
        return report.errors().stream().map(RowError::toString).toList();
    }

    @Test
    void lines_of_a_cart_of_the_import_are_read_in_order_with_their_optional_columns() {
        ImportFolder folder = ImportFolder.in(dir)
                .withOrders("")
                .with("carts.csv", CARTS)
                .with(
                        "cart_items.csv",
                        HEADER + "K-1,P-1,2,45.00,علبة تمر,https://shop.example/p/1\n"
                                + "K-1,P-2,١,0.001,,\n"
                                + "K-1,P-3,1,,,\n");

        assertThat(errorsOf(folder.read())).isEmpty();
        assertThat(folder.sink.cartLines)
                .extracting(CartLine::productExternalId, CartLine::quantity, CartLine::name, CartLine::url)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("P-1", 2, "علبة تمر", "https://shop.example/p/1"),
                        org.assertj.core.groups.Tuple.tuple("P-2", 1, null, null),
                        org.assertj.core.groups.Tuple.tuple("P-3", 1, null, null));
        assertThat(folder.sink.cartLines.get(0).unitPrice().amount()).isEqualByComparingTo(new BigDecimal("45.00"));
        assertThat(folder.sink.cartLines.get(1).unitPrice().amount()).isEqualByComparingTo(new BigDecimal("0.001"));
        assertThat(folder.sink.cartLines.get(2).unitPrice()).isNull();
    }

    @Test
    void bad_lines_are_reported_per_column_and_not_delivered() {
        ImportFolder folder = ImportFolder.in(dir)
                .withOrders("")
                .with("carts.csv", CARTS)
                .with(
                        "cart_items.csv",
                        HEADER + "K-9,P-1,1,,,\n"
                                + "K-1,,0,,,\n"
                                + "K-1,P-1,1,-2.00,,ftp://shop.example/p\n"
                                + "K-1,P-1,1,1.0000001,,https://shop.example/" + "x".repeat(2100) + "\n");

        assertThat(errorsOf(folder.read()))
                .containsExactly(
                        "cart_items.csv:2: cart_id: cart 'K-9' does not exist in store 'demo'",
                        "cart_items.csv:3: product_id: required value is empty",
                        "cart_items.csv:3: quantity: '0' is not a positive integer",
                        "cart_items.csv:4: unit_price: '-2.00' is negative",
                        "cart_items.csv:4: url: 'ftp://shop.example/p' is not an absolute http or https link",
                        "cart_items.csv:5: unit_price: '1.0000001' has more than 6 decimals",
                        "cart_items.csv:5: url: is longer than 2048 characters (it has 2121)");
        assertThat(folder.sink.cartLines).isEmpty();
    }

    @Test
    void a_line_of_a_cart_whose_row_was_rejected_is_rejected_too() {
        ImportFolder folder = ImportFolder.in(dir)
                .withOrders("")
                .with("carts.csv", "cart_id,created_at,status\nK-1,2024-03-03,lost\n")
                .with("cart_items.csv", HEADER + "K-1,P-1,1,,,\n");

        assertThat(errorsOf(folder.read()))
                .containsExactly(
                        "carts.csv:2: status: unknown cart status 'lost', expected one of open, abandoned, recovered, converted",
                        "cart_items.csv:2: cart_id: cart 'K-1' does not exist in store 'demo'");
    }

    @Test
    void a_line_may_name_a_cart_the_store_already_has() {
        ImportFolder folder = ImportFolder.in(dir).withOrders("").with("cart_items.csv", HEADER + "K-7,P-1,3,,,\n");

        ImportReport report = folder.read(KnownRecords.everything());

        assertThat(report.errors()).isEmpty();
        assertThat(folder.sink.cartLines)
                .singleElement()
                .satisfies(l -> assertThat(l.quantity()).isEqualTo(3));
    }
}
