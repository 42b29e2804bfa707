package io.basira.server.csvimport;

import java.util.Arrays;
import java.util.List;

/**
 * The files of the canonical import folder and their columns (docs/import.md), in the order they
 * are read: a file may refer to records of the files before it (an order to its customer, an order
 * line to its order). Columns are written as in docs/import.md, a trailing {@code *} marking the ones a
 * row cannot do without; a header that lacks one rejects the whole file.
 */
public enum CanonicalFile {
    PRODUCTS("products.csv", false, "product_id*", "name", "category", "price"),
    CUSTOMERS(
            "customers.csv",
            true,
            "customer_id*",
            "first_name",
            "last_name",
            "email",
            "phone",
            "gender",
            "birth_date",
            "city",
            "region",
            "country",
            "created_at*",
            "tags"),
    ORDERS(
            "orders.csv",
            true,
            "order_id*",
            "customer_id*",
            "created_at*",
            "status*",
            "total*",
            "currency",
            "discount_total",
            "coupon_code",
            "payment_method",
            "shipping_method"),
    ORDER_ITEMS("order_items.csv", false, "order_id*", "product_id*", "quantity*", "unit_price*"),
    CARTS(
            "carts.csv",
            false,
            "cart_id*",
            "customer_id",
            "created_at*",
            "updated_at",
            "total",
            "items_count",
            "status*"),
    /** The lines of carts (not in PRODUCT.md's table: docs/import.md's extension, as order_items.csv is to orders). */
    CART_ITEMS("cart_items.csv", false, "cart_id*", "product_id*", "quantity*", "unit_price", "name", "url"),
    REVIEWS("reviews.csv", false, "review_id*", "customer_id*", "product_id", "rating*", "created_at*"),
    WISHLIST("wishlist.csv", false, "customer_id*", "product_id*", "added_at*");

    private final String fileName;
    private final boolean required;
    private final List<String> columns;
    private final List<String> requiredColumns;

    CanonicalFile(String fileName, boolean required, String... columns) {
        this.fileName = fileName;
        this.required = required;
        this.columns = Arrays.stream(columns).map(c -> c.replace("*", "")).toList();
        this.requiredColumns = Arrays.stream(columns)
                .filter(c -> c.endsWith("*"))
                .map(c -> c.replace("*", ""))
                .toList();
    }

    public String fileName() {
        return fileName;
    }

    /** Whether a folder without this file is rejected. */
    public boolean required() {
        return required;
    }

    /** Every canonical column of the file, lowercase, in the documented order. */
    public List<String> columns() {
        return columns;
    }

    /** The columns marked * in docs/import.md, lowercase. */
    public List<String> requiredColumns() {
        return requiredColumns;
    }
}
