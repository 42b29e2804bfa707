package io.basira.server.platform.jdbc;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The temporary tables a bulk write fills before it applies them set-wise: one per kind of record
 * of the canonical import (columns named as in the store's table they go to) and one for cards.
 * Every row carries {@code seq}, its position in the import (unique), so the last version of a
 * record read twice wins.
 */
public enum StagedTable {
    PRODUCTS(
            "import_products",
            "products",
            List.of("external_id"),
            "external_id VARCHAR",
            "name VARCHAR",
            "category VARCHAR",
            "price_minor BIGINT",
            "price_exact NUMERIC(19, 6)"),
    CUSTOMERS(
            "import_customers",
            "customers",
            List.of("external_id"),
            "external_id VARCHAR",
            "first_name VARCHAR",
            "last_name VARCHAR",
            "email VARCHAR",
            "phone VARCHAR",
            "gender VARCHAR",
            "birth_date DATE",
            "city VARCHAR",
            "region VARCHAR",
            "country VARCHAR",
            "created_at TIMESTAMP WITH TIME ZONE",
            "tags VARCHAR",
            "search_text VARCHAR"),
    ORDERS(
            "import_orders",
            "orders",
            List.of("external_id"),
            "external_id VARCHAR",
            "customer_external_id VARCHAR",
            "created_at TIMESTAMP WITH TIME ZONE",
            "status VARCHAR",
            "total_minor BIGINT",
            "discount_minor BIGINT",
            "coupon_code VARCHAR",
            "payment_method VARCHAR",
            "shipping_method VARCHAR"),
    ORDER_LINES(
            "import_order_lines",
            "order_lines",
            List.of(),
            "order_external_id VARCHAR",
            "product_external_id VARCHAR",
            "quantity INT",
            "unit_price_minor BIGINT",
            "unit_price_exact NUMERIC(19, 6)"),
    CARTS(
            "import_carts",
            "carts",
            List.of("external_id"),
            "external_id VARCHAR",
            "customer_external_id VARCHAR",
            "created_at TIMESTAMP WITH TIME ZONE",
            "updated_at TIMESTAMP WITH TIME ZONE",
            "total_minor BIGINT",
            "items_count INT",
            "status VARCHAR"),
    CART_LINES(
            "import_cart_lines",
            "cart_lines",
            List.of(),
            "cart_external_id VARCHAR",
            "product_external_id VARCHAR",
            "name VARCHAR",
            "quantity INT",
            "unit_price NUMERIC(19, 6)",
            "url VARCHAR"),
    REVIEWS(
            "import_reviews",
            "reviews",
            List.of("external_id"),
            "external_id VARCHAR",
            "customer_external_id VARCHAR",
            "product_external_id VARCHAR",
            "rating SMALLINT",
            "created_at TIMESTAMP WITH TIME ZONE"),
    WISHLIST(
            "import_wishlist",
            "wishlist_items",
            List.of("customer_external_id", "product_external_id"),
            "customer_external_id VARCHAR",
            "product_external_id VARCHAR",
            "added_at TIMESTAMP WITH TIME ZONE"),
    /** Cards folded in bulk, written to {@code customers} in one update. */
    CARDS(
            "staged_cards",
            "customers",
            List.of("external_id"),
            "external_id VARCHAR",
            "order_count INT",
            "total_spent_minor BIGINT",
            "average_order_value NUMERIC(19, 2)",
            "cancelled_orders INT",
            "returned_orders INT",
            "last_purchase_at TIMESTAMP WITH TIME ZONE",
            "first_order_at TIMESTAMP WITH TIME ZONE",
            "abandoned_carts INT",
            "store_rating SMALLINT",
            "discounted_orders INT",
            "discount_share NUMERIC(5, 4)",
            "wishlist_count INT",
            "reviews_count INT");

    private final String name;
    private final String target;
    private final List<String> keys;
    private final List<String> definitions;
    private final List<String> columns;

    StagedTable(String name, String target, List<String> keys, String... definitions) {
        this.name = name;
        this.target = target;
        this.keys = keys;
        this.definitions = List.of(definitions);
        this.columns = Arrays.stream(definitions)
                .map(d -> d.substring(0, d.indexOf(' ')))
                .toList();
    }

    /** The temporary table's name. */
    public String table() {
        return name;
    }

    /** The store's table its rows go to. */
    public String target() {
        return target;
    }

    /** The columns that name a record (without {@code store_id}); empty for order and cart lines. */
    public List<String> keys() {
        return keys;
    }

    /** The columns after {@code seq}, in the order values are given. */
    public List<String> columns() {
        return columns;
    }

    /** The table holding the {@code seq} of each record's last version, by {@link #keys()}. */
    public String latestTable() {
        return name + "_latest";
    }

    public String createSql(SqlDialect dialect) {
        // order (cart) lines are keyed by their order (cart) first, so each line's number is a short range count
        String key = this == ORDER_LINES
                ? "PRIMARY KEY (order_external_id, seq)"
                : this == CART_LINES ? "PRIMARY KEY (cart_external_id, seq)" : "PRIMARY KEY (seq)";
        return temporary(dialect, name, "seq BIGINT NOT NULL, " + String.join(", ", definitions) + ", " + key);
    }

    public String createLatestSql(SqlDialect dialect) {
        String keyDefinitions = definitions.stream()
                .filter(d -> keys.contains(d.substring(0, d.indexOf(' '))))
                .collect(Collectors.joining(", "));
        return temporary(
                dialect,
                latestTable(),
                keyDefinitions + ", seq BIGINT NOT NULL, PRIMARY KEY (" + String.join(", ", keys) + ")");
    }

    /** A temporary table dropped at the end of the transaction, whether it commits or not. */
    public static String temporary(SqlDialect dialect, String table, String body) {
        return dialect == SqlDialect.H2
                ? "CREATE LOCAL TEMPORARY TABLE " + table + " (" + body + ") ON COMMIT DROP TRANSACTIONAL"
                : "CREATE TEMPORARY TABLE " + table + " (" + body + ") ON COMMIT DROP";
    }
}
