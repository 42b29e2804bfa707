package io.basira.spark;

import static org.apache.spark.sql.functions.col;

import io.basira.analytics.products.Baskets;
import io.basira.analytics.products.NextCategories;
import io.basira.analytics.products.NextProducts;
import io.basira.commerce.OrderStatus;
import io.basira.demo.CanonicalCsv;
import io.basira.shared.Dates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Every customer's {@code next_category} (docs/products.md, "Next products"; docs/rules.md) for many stores, as the
 * engine's refresh stores it: per store (one task, as the engine holds a store's baskets in memory), the store's
 * counted orders with their lines built into the core's {@link Baskets} the way the server's loader reads them
 * ({@code JdbcBaskets}: orders in id order, each order's lines in file order, a line's category that of its product,
 * none for an unknown product), the core's {@link NextProducts} trained with its default options and
 * {@link NextCategories} read from it. Like the engine, from all the store's orders whatever the as-of day.
 */
public final class NextCategoryJob {

    private NextCategoryJob() {}

    /** One {@link Fact#NEXT_CATEGORY} fact per customer who has a next category ({@code category}). */
    public static Dataset<Fact> facts(SparkSession spark, List<StoreSource> stores) {
        Map<String, StoreSource> byStore = CardsJob.bySlug(stores);
        Dataset<Row> customers = StoreTables.latest(
                        StoreTables.read(spark, stores, CanonicalCsv.CUSTOMERS), "customer_id")
                .select(col("store"), col("customer_id"));
        Dataset<Row> orders = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.ORDERS), "order_id")
                .select(col("store"), col("order_id"), col("customer_id"), col("created_at"), col("status"))
                .join(customers, new String[] {"store", "customer_id"}, "left_semi");
        Dataset<Row> products = StoreTables.latest(StoreTables.read(spark, stores, CanonicalCsv.PRODUCTS), "product_id")
                .select(col("store"), col("product_id"), col("category"));
        Dataset<Row> lines = StoreTables.read(spark, stores, CanonicalCsv.ORDER_ITEMS)
                .select(col("store"), col("order_id"), col("product_id"), col("seq"))
                .join(orders, new String[] {"store", "order_id"})
                .join(products, new String[] {"store", "product_id"}, "left");
        return lines.groupByKey((MapFunction<Row, String>) r -> r.getAs("store"), Encoders.STRING())
                .flatMapGroups(perStore(byStore), Encoders.bean(Fact.class));
    }

    private static FlatMapGroupsFunction<String, Row, Fact> perStore(Map<String, StoreSource> stores) {
        return (store, rows) -> ofStore(stores.get(store), rows).iterator();
    }

    /** One counted order line: its order, customer, the order's store-local day, the product and its category. */
    record Line(String order, long seq, String customer, long day, String product, String category) {}

    /** The store's next categories from its order lines (joined to their order and product). */
    static List<Fact> ofStore(StoreSource store, Iterator<Row> rows) {
        List<Line> lines = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            Line line = line(store, row);
            if (line != null) {
                lines.add(line);
            }
        }
        Map<String, String> categories = of(lines);
        List<Fact> facts = new ArrayList<>(categories.size());
        categories.forEach((customer, category) -> {
            Fact fact = new Fact();
            fact.setStore(store.slug());
            fact.setCustomerId(customer);
            fact.setKind(Fact.NEXT_CATEGORY);
            fact.setCategory(category);
            facts.add(fact);
        });
        return facts;
    }

    /** The line when its order is counted (pending, processing, completed); a row the import refuses fails. */
    private static Line line(StoreSource store, Row row) {
        try {
            if (!OrderStatus.fromCode(Facts.text(row, "status")).isCounted()) {
                return null;
            }
            String order = Facts.text(row, "order_id");
            String product = Facts.text(row, "product_id");
            if (product == null) {
                throw new IllegalArgumentException("product_id is empty");
            }
            long day = Dates.dateIn(Dates.parseInstant(Facts.text(row, "created_at"), store.zone()), store.zone())
                    .toEpochDay();
            return new Line(
                    order, row.<Long>getAs("seq"), Facts.text(row, "customer_id"), day, product, row.getAs("category"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "store '" + store.slug() + "', order_items.csv: " + e.getMessage() + " (row " + row + ")", e);
        }
    }

    /**
     * Customer id to next category, from the counted order lines: the baskets built in the engine's reading order
     * (order id, then the line's place in its file), trained and read by the core. The line revenue is not read
     * by the next-product model: the lines go in with none.
     */
    static Map<String, String> of(List<Line> lines) {
        lines.sort(Comparator.comparing(Line::order).thenComparingLong(Line::seq));
        Baskets.Builder baskets = Baskets.builder();
        String current = null;
        for (Line line : lines) {
            if (!line.order().equals(current)) {
                current = line.order();
                baskets.order(baskets.customer(line.customer()), line.day());
            }
            baskets.line(baskets.product(line.product(), line.category()), 0);
        }
        if (current == null) {
            return Map.of();
        }
        return NextCategories.of(NextProducts.train(baskets.build(), NextProducts.Options.DEFAULT));
    }
}
