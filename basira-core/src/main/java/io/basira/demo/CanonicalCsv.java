package io.basira.demo;

import java.util.List;

/** The files of the canonical CSV import format (docs/import.md) and their columns, in header order. */
public enum CanonicalCsv {
    CUSTOMERS(
            "customers.csv",
            List.of(
                    "customer_id",
                    "first_name",
                    "last_name",
                    "email",
                    "phone",
                    "gender",
                    "birth_date",
                    "city",
                    "region",
                    "country",
                    "created_at",
                    "tags")),
    ORDERS(
            "orders.csv",
            List.of(
                    "order_id",
                    "customer_id",
                    "created_at",
                    "status",
                    "total",
                    "currency",
                    "discount_total",
                    "coupon_code",
                    "payment_method",
                    "shipping_method")),
    ORDER_ITEMS("order_items.csv", List.of("order_id", "product_id", "quantity", "unit_price")),
    PRODUCTS("products.csv", List.of("product_id", "name", "category", "price")),
    CARTS("carts.csv", List.of("cart_id", "customer_id", "created_at", "updated_at", "total", "items_count", "status")),
    REVIEWS("reviews.csv", List.of("review_id", "customer_id", "product_id", "rating", "created_at")),
    WISHLIST("wishlist.csv", List.of("customer_id", "product_id", "added_at"));

    private final String fileName;
    private final List<String> columns;

    CanonicalCsv(String fileName, List<String> columns) {
        this.fileName = fileName;
        this.columns = columns;
    }

    public String fileName() {
        return fileName;
    }

    /** The header, in the order the generator writes it. */
    public List<String> columns() {
        return columns;
    }
}
