package io.basira.bench;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Side by side, in one run, on the same canonical folder (the demo generator's, 100,000 customers and
 * 1,000,000 orders by default): Basira's import end to end (validation, upserts, cards) on PostgreSQL
 * against {@code psql}'s {@code COPY} of the same files plus the card GROUP BY; Basira's import on H2
 * with its peak resident memory (VmHWM of the importing process, sampled from /proc); and
 * {@code basira rebuild cards} against DuckDB's same GROUP BY over the same records (loaded untimed,
 * {@code threads = 2}, the machine's cores). Every Basira side runs the real command line as a separate
 * JVM ({@code -Xmx1g}) from the server's jar. Not JMH: each side takes minutes.
 *
 * <pre>
 * ./mvnw -B -q -pl basira-core,basira-server -am package -DskipTests
 * ./mvnw -B -q -pl basira-bench -am package -DskipTests org.apache.maven.plugins:maven-dependency-plugin:3.10.0:build-classpath -Dmdep.outputFile=/tmp/cp-bench.txt
 * java -cp basira-bench/target/classes:$(cat /tmp/cp-bench.txt) io.basira.bench.ImportSideBySide \
 *     basira-server/target/basira-server.jar [customers] [orders] [runs] [folder]
 * </pre>
 *
 * PostgreSQL: {@code BENCH_PG_URL} (default {@code jdbc:postgresql://127.0.0.1:5432/test}), user
 * {@code BENCH_PG_USER} (default root), trust authentication; schemas {@code bench_import_*} are
 * dropped and created.
 */
public final class ImportSideBySide {

    private static final String PG_URL = env("BENCH_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PG_USER = env("BENCH_PG_USER", "root");
    private static final Pattern CLI_SECONDS = Pattern.compile("in ([0-9.]+) s");

    /** The card of docs/indicators.md in SQL, over tables named like the canonical files (both sides). */
    static final String CARDS = """
            CREATE TABLE cards AS
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

    /** The canonical files as typed tables, named like the files. */
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

    private ImportSideBySide() {}

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]);
        int customers = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        long orders = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        int runs = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        Path folder = args.length > 4 ? Path.of(args[4]) : Files.createTempDirectory("basira-import-bench");
        if (!Files.exists(folder.resolve("orders.csv"))) {
            new DemoStoreGenerator()
                    .write(DemoStoreSpec.defaults().withCustomers(customers).withOrders(orders), folder);
        }
        System.out.printf(Locale.ROOT, "folder %s (%,d customers, %,d orders)%n", folder, customers, orders);
        for (int run = 1; run <= runs; run++) {
            double copy = copyAndGroupBy(folder);
            Timed basira = basiraImport(jar, folder, "bench_import_basira");
            System.out.printf(
                    Locale.ROOT,
                    "run %d PostgreSQL: import %.1f s (command %.1f s wall) | COPY + GROUP BY "
                            + "%.1f s | ratio %.2f%n",
                    run,
                    basira.reported(),
                    basira.wall(),
                    copy,
                    copy / basira.reported());
            double duck = duckDbCards(folder);
            Timed rebuild = cli(
                    jar,
                    List.of(
                            "rebuild",
                            "cards",
                            "--store",
                            "bench",
                            "--db-url",
                            PG_URL + "?currentSchema=bench_import_basira",
                            "--db-user",
                            PG_USER));
            System.out.printf(
                    Locale.ROOT,
                    "run %d rebuild cards: %.2f s | DuckDB GROUP BY %.2f s | ratio %.2f%n",
                    run,
                    rebuild.reported(),
                    duck,
                    duck / rebuild.reported());
            Path data = Files.createTempDirectory("basira-import-h2");
            Timed h2 = cli(
                    jar, List.of("import", "--data", data.toString(), "--store", "bench", "--dir", folder.toString()));
            System.out.printf(
                    Locale.ROOT,
                    "run %d H2: import %.1f s (command %.1f s wall), peak RSS %,d MB%n",
                    run,
                    h2.reported(),
                    h2.wall(),
                    h2.peakKb() / 1024);
            deleteTree(data);
        }
    }

    /** What a command-line run took: as it reported, as the clock saw, and its peak resident set. */
    record Timed(double reported, double wall, long peakKb) {}

    private static Timed basiraImport(Path jar, Path folder, String schema) throws Exception {
        psql("DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + ";");
        return cli(
                jar,
                List.of(
                        "import",
                        "--db-url",
                        PG_URL + "?currentSchema=" + schema,
                        "--db-user",
                        PG_USER,
                        "--store",
                        "bench",
                        "--dir",
                        folder.toString()));
    }

    /** Runs the command line in its own JVM, sampling its VmHWM until it ends. */
    private static Timed cli(Path jar, List<String> arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx1g", "-jar", jar.toString()));
        command.addAll(arguments);
        Path out = Files.createTempFile("basira-cli", ".out");
        long start = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        long peak = 0;
        while (process.isAlive()) {
            peak = Math.max(peak, vmHwmKb(process.pid()));
            Thread.sleep(100);
        }
        double wall = (System.nanoTime() - start) / 1e9;
        String text = Files.readString(out, StandardCharsets.UTF_8);
        Files.delete(out);
        if (process.exitValue() != 0) {
            throw new IllegalStateException("basira " + arguments + " failed:\n" + text);
        }
        Matcher seconds = CLI_SECONDS.matcher(text);
        double reported = wall;
        while (seconds.find()) {
            reported = Double.parseDouble(seconds.group(1));
        }
        return new Timed(reported, wall, peak);
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the process ended between the check and the read
        }
        return 0;
    }

    /** psql: the files copied into typed tables, then the cards by GROUP BY. @return seconds */
    private static double copyAndGroupBy(Path folder) throws Exception {
        StringBuilder script = new StringBuilder("DROP SCHEMA IF EXISTS bench_import_copy CASCADE;\n"
                + "CREATE SCHEMA bench_import_copy;\nSET search_path = bench_import_copy;\n");
        for (String[] file : FILES) {
            script.append("CREATE TABLE ")
                    .append(file[0])
                    .append(" (")
                    .append(file[1])
                    .append(");\n");
        }
        script.append("\\timing on\n");
        for (String[] file : FILES) {
            script.append("\\copy ")
                    .append(file[0])
                    .append(" FROM '")
                    .append(folder.resolve((file[0].equals("wishlist") ? "wishlist" : file[0]) + ".csv"))
                    .append("' WITH (FORMAT csv, HEADER true)\n");
        }
        script.append(CARDS).append(";\n");
        Path sql = Files.createTempFile("bench-copy", ".sql");
        Files.writeString(sql, script);
        String output = psqlFile(sql);
        Files.delete(sql);
        double millis = 0;
        Matcher time = Pattern.compile("Time: ([0-9.]+) ms").matcher(output);
        while (time.find()) {
            millis += Double.parseDouble(time.group(1));
        }
        return millis / 1000;
    }

    /** DuckDB: the same files loaded (untimed), then the same GROUP BY. @return seconds of the GROUP BY */
    private static double duckDbCards(Path folder) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:");
                Statement s = duck.createStatement()) {
            s.execute("SET threads = 2");
            for (String[] file : FILES) {
                s.execute("CREATE TABLE " + file[0] + " (" + file[1].replace("timestamptz", "TIMESTAMPTZ") + ")");
                s.execute("COPY " + file[0] + " FROM '" + folder.resolve(file[0] + ".csv") + "' (HEADER)");
            }
            long start = System.nanoTime();
            s.execute(CARDS);
            return (System.nanoTime() - start) / 1e9;
        }
    }

    private static void psql(String sql) throws Exception {
        Path file = Files.createTempFile("bench", ".sql");
        Files.writeString(file, sql);
        psqlFile(file);
        Files.delete(file);
    }

    private static String psqlFile(Path sql) throws Exception {
        String host = PG_URL.replaceFirst("jdbc:postgresql://([^:/]+).*", "$1");
        String port = PG_URL.replaceFirst("jdbc:postgresql://[^:/]+:(\\d+)/.*", "$1");
        String database = PG_URL.replaceFirst(".*/([^/?]+)(\\?.*)?$", "$1");
        Process process = new ProcessBuilder(
                        "psql",
                        "-h",
                        host,
                        "-p",
                        port,
                        "-U",
                        PG_USER,
                        "-d",
                        database,
                        "-q",
                        "-v",
                        "ON_ERROR_STOP=1",
                        "-f",
                        sql.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed:\n" + output);
        }
        return output;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
