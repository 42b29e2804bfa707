package io.basira.server.csvimport;

import static io.basira.server.csvimport.Need.OPTIONAL;
import static io.basira.server.csvimport.Need.REQUIRED;

import io.basira.commerce.Cart;
import io.basira.commerce.CartLine;
import io.basira.commerce.CartStatus;
import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import io.basira.commerce.Order;
import io.basira.commerce.OrderLine;
import io.basira.commerce.OrderStatus;
import io.basira.commerce.Product;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.shared.Money;
import io.basira.shared.UnitPrice;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Turns a row of each canonical file into its core record: reads every column (so that all of a
 * row's problems are reported together), checks references, and delivers the record to the sink
 * only when the row has no error. The records' compact constructors have the last word; what they
 * refuse becomes an error of the column their message names.
 */
final class RowMapping {

    private final References references;
    private final RecordSink sink;

    RowMapping(References references, RecordSink sink) {
        this.references = references;
        this.sink = sink;
    }

    void map(CanonicalFile file, Row row) {
        switch (file) {
            case PRODUCTS -> product(row);
            case CUSTOMERS -> customer(row);
            case ORDERS -> order(row);
            case ORDER_ITEMS -> orderLine(row);
            case CARTS -> cart(row);
            case CART_ITEMS -> cartLine(row);
            case REVIEWS -> review(row);
            case WISHLIST -> wishlistItem(row);
        }
    }

    private void product(Row row) {
        String id = row.text("product_id", REQUIRED);
        String name = row.text("name", OPTIONAL);
        String category = row.text("category", OPTIONAL);
        UnitPrice price = row.unitPrice("price", OPTIONAL);
        deliver(row, () -> Product.priced(id, name, category, price), sink::product);
    }

    private void customer(Row row) {
        String id = row.text("customer_id", REQUIRED);
        String firstName = row.text("first_name", OPTIONAL);
        String lastName = row.text("last_name", OPTIONAL);
        String email = row.text("email", OPTIONAL);
        String phone = row.text("phone", OPTIONAL);
        Gender gender = row.code("gender", OPTIONAL, Gender::fromCode, ImportErrorCode.UNKNOWN_GENDER, "male, female");
        LocalDate birthDate = row.date("birth_date", OPTIONAL);
        String city = row.text("city", OPTIONAL);
        String region = row.text("region", OPTIONAL);
        String country = row.country("country", OPTIONAL);
        Instant createdAt = row.instant("created_at", REQUIRED);
        Set<String> tags = row.tags("tags");
        Customer customer = build(
                row,
                () -> new Customer(
                        id, firstName, lastName, email, phone, gender, birthDate, city, region, country, createdAt,
                        tags));
        if (customer != null) {
            sink.customer(customer);
            references.customerImported(customer.externalId());
        }
    }

    private void order(Row row) {
        String id = row.text("order_id", REQUIRED);
        String customerId = customer(row, REQUIRED);
        Instant createdAt = row.instant("created_at", REQUIRED);
        OrderStatus status = row.code(
                "status", REQUIRED, OrderStatus::fromCode, ImportErrorCode.UNKNOWN_STATUS, OrderStatus.codes());
        Money total = row.amount("total", REQUIRED);
        currency(row);
        Money discount = row.amount("discount_total", OPTIONAL);
        String coupon = row.text("coupon_code", OPTIONAL);
        String payment = row.text("payment_method", OPTIONAL);
        String shipping = row.text("shipping_method", OPTIONAL);
        Order order = build(
                row, () -> new Order(id, customerId, createdAt, status, total, discount, coupon, payment, shipping));
        if (order != null) {
            sink.order(order);
            references.orderImported(order.externalId());
        }
    }

    private void orderLine(Row row) {
        String orderId = row.text("order_id", REQUIRED);
        if (orderId != null && !references.orderExists(orderId)) {
            row.error(
                    "order_id",
                    new RowError.Problem(
                            ImportErrorCode.UNKNOWN_ORDER,
                            "order '" + orderId + "' does not exist in store '"
                                    + row.store().slug() + "'",
                            orderId));
        }
        String productId = row.text("product_id", REQUIRED);
        Integer quantity = row.integer("quantity", REQUIRED, 1, Integer.MAX_VALUE, "a positive integer");
        UnitPrice unitPrice = row.unitPrice("unit_price", REQUIRED);
        deliver(row, () -> OrderLine.priced(orderId, productId, quantity, unitPrice), sink::orderLine);
    }

    private void cart(Row row) {
        String id = row.text("cart_id", REQUIRED);
        String customerId = customer(row, OPTIONAL);
        Instant createdAt = row.instant("created_at", REQUIRED);
        Instant updatedAt = row.instant("updated_at", OPTIONAL);
        Money total = row.amount("total", OPTIONAL);
        Integer items = row.integer("items_count", OPTIONAL, 0, Integer.MAX_VALUE, "a non-negative integer");
        CartStatus status = row.code(
                "status", REQUIRED, CartStatus::fromCode, ImportErrorCode.UNKNOWN_CART_STATUS, CartStatus.codes());
        Cart cart = build(row, () -> new Cart(id, customerId, createdAt, updatedAt, total, items, status));
        if (cart != null) {
            sink.cart(cart);
            references.cartImported(cart.externalId());
        }
    }

    private void cartLine(Row row) {
        String cartId = row.text("cart_id", REQUIRED);
        if (cartId != null && !references.cartExists(cartId)) {
            row.error(
                    "cart_id",
                    new RowError.Problem(
                            ImportErrorCode.UNKNOWN_CART,
                            "cart '" + cartId + "' does not exist in store '"
                                    + row.store().slug() + "'",
                            cartId));
        }
        String productId = row.text("product_id", REQUIRED);
        Integer quantity = row.integer("quantity", REQUIRED, 1, Integer.MAX_VALUE, "a positive integer");
        UnitPrice unitPrice = row.unitPrice("unit_price", OPTIONAL);
        String name = row.text("name", OPTIONAL);
        String url = row.text("url", OPTIONAL);
        if (url != null && url.length() > CartLine.MAX_URL) {
            row.error(
                    "url",
                    new RowError.Problem(
                            ImportErrorCode.TOO_LONG,
                            "is longer than " + CartLine.MAX_URL + " characters (it has " + url.length() + ")",
                            CartLine.MAX_URL,
                            url.length()));
        } else if (url != null && CartLine.linkProblem(url) != null) {
            row.error(
                    "url",
                    new RowError.Problem(
                            ImportErrorCode.NOT_A_LINK, "'" + url + "' " + CartLine.linkProblem(url), url));
        }
        deliver(row, () -> new CartLine(cartId, productId, name, quantity, unitPrice, url), sink::cartLine);
    }

    private void review(Row row) {
        String id = row.text("review_id", REQUIRED);
        String customerId = customer(row, REQUIRED);
        String productId = row.text("product_id", OPTIONAL);
        Integer rating = row.integer("rating", REQUIRED, 1, 5, "an integer from 1 to 5");
        Instant createdAt = row.instant("created_at", REQUIRED);
        deliver(row, () -> new Review(id, customerId, productId, rating, createdAt), sink::review);
    }

    private void wishlistItem(Row row) {
        String customerId = customer(row, REQUIRED);
        String productId = row.text("product_id", REQUIRED);
        Instant addedAt = row.instant("added_at", REQUIRED);
        deliver(row, () -> new WishlistItem(customerId, productId, addedAt), sink::wishlistItem);
    }

    /** The row's customer_id, which must name a customer of the store or of this import. */
    private String customer(Row row, Need need) {
        String customerId = row.text("customer_id", need);
        if (customerId != null && !references.customerExists(customerId)) {
            row.error(
                    "customer_id",
                    new RowError.Problem(
                            ImportErrorCode.UNKNOWN_CUSTOMER,
                            "customer '" + customerId + "' does not exist in store '"
                                    + row.store().slug() + "'",
                            customerId));
        }
        return customerId;
    }

    /** An order's currency column: empty means the store's; anything else must be the store's. */
    private static void currency(Row row) {
        String currency = row.text("currency", OPTIONAL);
        String storeCurrency = row.store().currency().getCurrencyCode();
        if (currency != null && !currency.toUpperCase(Locale.ROOT).equals(storeCurrency)) {
            row.error(
                    "currency",
                    new RowError.Problem(
                            ImportErrorCode.WRONG_CURRENCY,
                            "'" + currency + "' is not the store's currency " + storeCurrency,
                            currency,
                            storeCurrency));
        }
    }

    private static <T> void deliver(Row row, Supplier<T> record, Consumer<T> to) {
        T built = build(row, record);
        if (built != null) {
            to.accept(built);
        }
    }

    /** The record, or null when the row has errors (its own, or the one its constructor raises). */
    private static <T> T build(Row row, Supplier<T> record) {
        if (row.hasErrors()) {
            return null;
        }
        try {
            return record.get();
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            int space = message.indexOf(' ');
            row.error(
                    space > 0 ? message.substring(0, space) : null,
                    new RowError.Problem(ImportErrorCode.RECORD_REFUSED, message));
            return null;
        }
    }
}
