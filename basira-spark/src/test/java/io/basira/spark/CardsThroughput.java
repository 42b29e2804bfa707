package io.basira.spark;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.demo.DemoStoreSummary;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * The cards' throughput, every side in one run on one machine (docs/scale.md): the demo generator's store of N
 * customers and M orders as a canonical folder, then
 * <ol>
 * <li>the engine's batch rebuild: {@code basira rebuild cards} of the server's jar (given as the fifth argument), in
 *     its own JVM on an H2 folder the store was imported into (untimed); the time is the one the command reports;
 * <li>the engine's fold run directly — the folder read with FastCSV, each customer folded by
 *     {@code CardAccumulator}, one thread: the CPU part of the rebuild without the database;
 * <li>DuckDB's GROUP BY of the same cards over the same files (loaded untimed, {@code threads = 2});
 * <li>the Spark job in local mode on 1 and on 2 cores, forced to compute every card ({@code noop} sink).
 * </ol>
 * Each side: one untimed warm-up, then the best of {@code runs} (the rebuild: the best of {@code runs}, no warm-up:
 * each is a fresh JVM). Prints orders a second and per core.
 *
 * <pre>
 * java -Xmx4g $(cat basira-spark/launcher/jvm.options) -cp basira-spark/target/test-classes:basira-spark/target/classes:$(cat basira-spark/target/test-classpath.txt) \
 *     io.basira.spark.CardsThroughput 20000 200000 2 /tmp/cards-bench basira-server/target/basira-server-0.1.0-SNAPSHOT.jar
 * </pre>
 */
public final class CardsThroughput {

    private static final Pattern CLI_SECONDS = Pattern.compile("in ([0-9.]+) s");

    /** The canonical files as typed tables (basira-bench's ImportSideBySide, the same types). */
    private static final List<String[]> FILES = List.of(
            new String[] {"products", "product_id text, name text, category text, price numeric"},
            new String[] {
                "customers",
                "customer_id text, first_name text, last_name text, email text, phone text, "
                        + "gender text, birth_date date, city text, region text, country text, created_at timestamptz, tags text"
            },
            new String[] {
                "orders",
                "order_id text, customer_id text, created_at timestamptz, status text, total numeric, "
                        + "currency text, discount_total numeric, coupon_code text, payment_method text, shipping_method text"
            },
            new String[] {"order_items", "order_id text, product_id text, quantity int, unit_price numeric"},
            new String[] {
                "carts",
                "cart_id text, customer_id text, created_at timestamptz, updated_at timestamptz, "
                        + "total numeric, items_count int, status text"
            },
            new String[] {
                "reviews", "review_id text, customer_id text, product_id text, rating int, created_at timestamptz"
            },
            new String[] {"wishlist", "customer_id text, product_id text, added_at timestamptz"});

    /** The card of docs/indicators.md in SQL (basira-bench's ImportSideBySide.CARDS, the same statement). */
    static final String CARDS = """
            CREATE OR REPLACE TABLE cards AS
            WITH o AS (
              SELECT customer_id,
                     COUNT(*) FILTER (WHERE status IN ('pending', 'processing', 'completed')) AS order_count,
                     COALESCE(SUM(total) FILTER (WHERE status IN ('pending', 'processing', 'completed')), 0) AS total_spent,
                     COUNT(*) FILTER (WHERE status = 'cancelled') AS cancelled_orders,
                     COUNT(*) FILTER (WHERE status = 'returned') AS returned_orders,
                     MAX(created_at) FILTER (WHERE status = 'completed') AS last_purchase_at,
                     MIN(created_at) FILTER (WHERE status IN ('pending', 'processing', 'completed')) AS first_order_at,
                     COUNT(*) FILTER (WHERE status IN ('pending', 'processing', 'completed')
                       AND (discount_total > 0 OR COALESCE(TRIM(coupon_code), '') <> '')) AS discounted_orders
              FROM orders GROUP BY customer_id),
            c AS (SELECT customer_id, COUNT(*) FILTER (WHERE status = 'abandoned') AS abandoned_carts
                  FROM carts WHERE customer_id IS NOT NULL GROUP BY customer_id),
            r AS (SELECT customer_id, COUNT(*) AS reviews_count FROM reviews GROUP BY customer_id),
            s AS (SELECT DISTINCT ON (customer_id) customer_id, rating AS store_rating FROM reviews
                  WHERE product_id IS NULL ORDER BY customer_id, created_at DESC, review_id DESC),
            w AS (SELECT customer_id, COUNT(*) AS wishlist_count FROM wishlist GROUP BY customer_id)
            SELECT k.customer_id, COALESCE(o.order_count, 0) AS order_count, COALESCE(o.total_spent, 0) AS total_spent,
                   CASE WHEN o.order_count > 0 THEN ROUND(o.total_spent / o.order_count, 2) ELSE 0 END AS average_order_value,
                   COALESCE(o.cancelled_orders, 0) AS cancelled_orders, COALESCE(o.returned_orders, 0) AS returned_orders,
                   o.last_purchase_at, o.first_order_at, COALESCE(c.abandoned_carts, 0) AS abandoned_carts,
                   s.store_rating, COALESCE(o.discounted_orders, 0) AS discounted_orders,
                   CASE WHEN o.order_count > 0 THEN ROUND(o.discounted_orders * 1.0 / o.order_count, 4) END AS discount_share,
                   COALESCE(w.wishlist_count, 0) AS wishlist_count, COALESCE(r.reviews_count, 0) AS reviews_count
            FROM customers k LEFT JOIN o USING (customer_id) LEFT JOIN c USING (customer_id)
              LEFT JOIN r USING (customer_id) LEFT JOIN s USING (customer_id) LEFT JOIN w USING (customer_id)
            """;

    private CardsThroughput() {}

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(args[0]);
        long orders = Long.parseLong(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path folder = Path.of(args[3]);
        Path serverJar = args.length > 4 ? Path.of(args[4]) : null;
        DemoStoreSpec spec = DemoStoreSpec.defaults().withCustomers(customers).withOrders(orders);
        if (!Files.exists(folder.resolve("orders.csv"))) {
            DemoStoreSummary summary = new DemoStoreGenerator().write(spec, folder);
            System.out.println("generated " + summary);
        }
        StoreSource store = new StoreSource("bench", folder.toString(), "SAR", "Asia/Riyadh", false);
        LocalDate asOf = DemoStoreSpec.DEFAULT_END;
        if (serverJar != null) {
            Path data = Files.createTempDirectory("basira-spark-bench-h2");
            cli(
                    serverJar,
                    List.of(
                            "import",
                            "--data",
                            data.toString(),
                            "--store",
                            "bench",
                            "--dir",
                            folder.toString(),
                            "--currency",
                            "SAR",
                            "--time-zone",
                            "Asia/Riyadh"));
            double best = Double.MAX_VALUE;
            for (int i = 0; i < runs; i++) {
                best = Math.min(
                        best,
                        cli(serverJar, List.of("rebuild", "cards", "--data", data.toString(), "--store", "bench")));
            }
            report("engine rebuild cards (H2)", orders, (long) (best * 1e9), 1);
        }
        long engine = best(runs, () -> new Reference(store).cards(asOf).size());
        report("engine fold, 1 thread", orders, engine, 1);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("SET threads = 2");
            for (String[] file : FILES) {
                s.execute("CREATE TABLE " + file[0] + " (" + file[1].replace("timestamptz", "TIMESTAMPTZ") + ")");
                s.execute("COPY " + file[0] + " FROM '" + folder.resolve(file[0] + ".csv") + "' (HEADER)");
            }
            long duckdb = best(runs, () -> {
                s.execute(CARDS);
                return 0;
            });
            report("DuckDB GROUP BY, 2 threads", orders, duckdb, 2);
        }
        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder()
                    .master("local[" + cores + "]")
                    .appName("bench")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            CardsJob.Settings settings = new CardsJob.Settings(Map.of("bench", store), asOf, Map.of());
            long spark1 = best(runs, () -> {
                CardsJob.table(CardsJob.cards(CardsJob.facts(spark, List.of(store)), settings))
                        .write()
                        .format("noop")
                        .mode("overwrite")
                        .save();
                return 0;
            });
            report("Spark job, local[" + cores + "]", orders, spark1, cores);
            spark.stop();
        }
    }

    interface Work {
        long run() throws Exception;
    }

    private static long best(int runs, Work work) throws Exception {
        work.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    /** Runs the server's command line in its own JVM; @return the seconds it reports (its wall time if none) */
    private static double cli(Path jar, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", jar.toString()));
        command.addAll(arguments);
        Path out = Files.createTempFile("basira-cli", ".out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        int exit = process.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (exit != 0) {
            throw new IllegalStateException("basira " + arguments + " failed:\n" + text);
        }
        Matcher seconds = CLI_SECONDS.matcher(text);
        double reported = wall;
        while (seconds.find()) {
            reported = Double.parseDouble(seconds.group(1));
        }
        System.out.printf(
                "  basira %s: %.2f s reported, %.2f s wall%n",
                arguments.get(0) + " " + arguments.get(1), reported, wall);
        return reported;
    }

    private static void report(String what, long orders, long nanos, int cores) {
        double seconds = nanos / 1e9;
        System.out.printf(
                "%-28s %8.2f s  %,12.0f orders/s  %,12.0f orders/s per core%n",
                what, seconds, orders / seconds, orders / seconds / cores);
    }
}
