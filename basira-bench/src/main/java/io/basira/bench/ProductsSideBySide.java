package io.basira.bench;

import io.basira.analytics.products.Baskets;
import io.basira.analytics.products.BoughtTogether;
import io.basira.analytics.products.NextProducts;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * Side by side (docs/products.md, "Speed"): bought-together counting and next-product scoring in the core over
 * {@link Baskets} against the same counting in DuckDB's SQL (2 threads), same seeded synthetic lines, same
 * machine, one run; best of 3 after 2 untimed runs each (DuckDB's next-product queries: one run). Checks that both count the same pairs. The store:
 * {@code customers} customers, about {@code lines} order lines, 5,000 products in 40 categories, each order
 * drawing 1 to 8 distinct products mostly from one of 200 themes (so pairs repeat), days over two years. Run:
 * <pre>
 * ./mvnw -B -q -pl basira-core,basira-bench -am package -DskipTests
 * java -Xmx3g -cp basira-bench/target/classes:basira-core/target/classes:$(find ~/.m2 -name 'duckdb_jdbc-*.jar' | head -1) \
 *     io.basira.bench.ProductsSideBySide 100000 1000000
 * </pre>
 */
public final class ProductsSideBySide {

    private static final int PRODUCTS = 5_000;
    private static final int THEMES = 200;
    private static final int RUNS = 3;
    private static final int WARM_UP = 2;

    private ProductsSideBySide() {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int lines = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        Path csv = Files.createTempFile("basira-lines", ".csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            Baskets baskets = generate(customers, lines, 42L, csv);
            System.out.printf(
                    "%,d customers, %,d orders, %,d order lines, %,d products: built in %.1f s, %.1f bytes per line%n",
                    baskets.customerCount(),
                    baskets.orderCount(),
                    baskets.lineCount(),
                    baskets.productCount(),
                    (System.nanoTime() - start) / 1e9,
                    baskets.bytes() / (double) baskets.lineCount());
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads = 2");
                s.execute("CREATE TABLE lines AS SELECT * FROM read_csv('" + csv + "', header = true, columns = "
                        + "{'order_id': 'INTEGER', 'customer': 'INTEGER', 'day': 'INTEGER', 'product': 'INTEGER'})");
            }
            BoughtTogether[] counted = new BoughtTogether[1];
            double basira = best(() -> counted[0] = BoughtTogether.count(baskets));
            int listed = counted[0]
                    .productPairs(new BoughtTogether.Thresholds(2, 0, 0), Integer.MAX_VALUE)
                    .size();
            long[] sql = new long[3];
            double duckPairs = bestSql(
                    duck,
                    "SELECT count(*), sum(n), count(*) FILTER (WHERE n >= 2) FROM ("
                            + "SELECT a.product, b.product, count(*) AS n FROM lines a JOIN lines b ON a.order_id = b.order_id "
                            + "AND a.product < b.product GROUP BY 1, 2)",
                    sql);
            System.out.printf(
                    "bought together (all product pairs of %,d lines): basira %.2f s, DuckDB %.2f s; pairs %,d / %,d, "
                            + "pair occurrences %,d / %,d, pairs in >= 2 orders %,d / %,d%n",
                    baskets.lineCount(),
                    basira,
                    duckPairs,
                    counted[0].productPairCount(),
                    sql[0],
                    counted[0].pairOccurrences(),
                    sql[1],
                    listed,
                    sql[2]);
            check(
                    counted[0].productPairCount() == sql[0]
                            && counted[0].pairOccurrences() == sql[1]
                            && listed == sql[2],
                    "bought-together counts differ");

            NextProducts.Options options = NextProducts.Options.DEFAULT;
            NextProducts[] model = new NextProducts[1];
            long[] suggested = new long[1];
            double next = best(() -> {
                model[0] = NextProducts.train(baskets, options);
                NextProducts.Scorer scorer = model[0].scorer();
                long n = 0;
                for (int c = 0; c < baskets.customerCount(); c++) {
                    n += scorer.next(c, 10).size();
                }
                suggested[0] = n;
            });
            System.out.printf(
                    "next products (train + top 10 for %,d customers): basira %.2f s, %,d suggestions%n",
                    baskets.customerCount(), next, suggested[0]);
            String recent = "WITH cp AS (SELECT customer, product, max(day) AS last_day FROM lines GROUP BY 1, 2), "
                    + "recent AS (SELECT customer, product FROM (SELECT *, row_number() OVER (PARTITION BY customer "
                    + "ORDER BY last_day DESC, product) AS r FROM cp) WHERE r <= " + options.history() + "), "
                    + "co AS (SELECT a.product AS i, b.product AS j, count(*) AS c FROM recent a JOIN recent b "
                    + "ON a.customer = b.customer AND a.product < b.product GROUP BY 1, 2)";
            long[] co = new long[2];
            once(duck, recent + " SELECT count(*), sum(c) FROM co", co);
            long[] scored = new long[1];
            double duckNext = once(
                    duck,
                    recent + ", buyers AS (SELECT product, count(*) AS b FROM cp GROUP BY 1), "
                            + "nb AS (SELECT i AS p, j AS q, c FROM co UNION ALL SELECT j, i, c FROM co), "
                            + "top AS (SELECT p, q, c FROM (SELECT *, row_number() OVER (PARTITION BY p ORDER BY c DESC, q) AS r "
                            + "FROM nb) WHERE r <= " + options.neighbours() + "), "
                            + "s AS (SELECT r.customer, t.q, sum(t.c / (b.b + " + options.prior()
                            + ")) AS score FROM recent r "
                            + "JOIN top t ON t.p = r.product JOIN buyers b ON b.product = r.product "
                            + "WHERE NOT EXISTS (SELECT 1 FROM cp o WHERE o.customer = r.customer AND o.product = t.q) GROUP BY 1, 2), "
                            + "ranked AS (SELECT *, row_number() OVER (PARTITION BY customer ORDER BY score DESC, q) AS k FROM s) "
                            + "SELECT count(*) FROM ranked WHERE k <= 10",
                    scored);
            System.out.printf(
                    "next products (train + top 10 for %,d customers): basira %.2f s, DuckDB %.2f s (co-occurrence "
                            + "part only: no repeatable products, no popularity prior); co-occurring pairs %,d / %,d, "
                            + "co-occurrences %,d / %,d; suggestions basira %,d, DuckDB %,d (co-occurrence only)%n",
                    baskets.customerCount(),
                    next,
                    duckNext,
                    model[0].cooccurringPairs(),
                    co[0],
                    model[0].cooccurrences(),
                    co[1],
                    suggested[0],
                    scored[0]);
            check(
                    model[0].cooccurringPairs() == co[0] && model[0].cooccurrences() == co[1],
                    "co-occurrence counts differ");
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException(what + " between basira and DuckDB");
        }
    }

    static Baskets generate(int customers, int lines, long seed, Path csv) throws Exception {
        Random random = new Random(seed);
        Baskets.Builder b = Baskets.builder();
        int[] product = new int[PRODUCTS];
        for (int p = 0; p < PRODUCTS; p++) {
            product[p] = b.product("P" + p, "category-" + (p % 40));
        }
        int[] row = new int[customers];
        for (int c = 0; c < customers; c++) {
            row[c] = b.customer("C" + c);
        }
        int order = 0;
        int written = 0;
        int[] chosen = new int[8];
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("order_id,customer,day,product\n");
            while (written < lines) {
                int c = random.nextInt(customers);
                int day = 19_000 + random.nextInt(730);
                int size = 1 + Math.min(7, (int) (-Math.log(1 - random.nextDouble()) * 3));
                int theme = random.nextInt(THEMES);
                int k = 0;
                b.order(row[c], day);
                while (k < size) {
                    int p = random.nextInt(10) < 7
                            ? theme + THEMES * skewed(random, PRODUCTS / THEMES)
                            : skewed(random, PRODUCTS);
                    boolean seen = false;
                    for (int i = 0; i < k; i++) {
                        seen |= chosen[i] == p;
                    }
                    if (seen) {
                        continue;
                    }
                    chosen[k++] = p;
                    b.line(product[p], 100 + random.nextInt(10_000));
                    out.write(order + "," + c + "," + day + "," + p + "\n");
                    written++;
                }
                order++;
            }
        }
        return b.build();
    }

    /** 0..n-1, small values far more often (a long tail of popularity). */
    private static int skewed(Random random, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(random.nextDouble(), 2.5) * n));
    }

    private static double best(Runnable run) {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            run.run();
            if (i >= WARM_UP) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        return best;
    }

    /** One timed run: the next-product queries take minutes in DuckDB, so they run once. */
    private static double once(Connection duck, String sql, long[] result) throws Exception {
        long start = System.nanoTime();
        try (Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            for (int k = 0; k < result.length; k++) {
                result[k] = rs.getLong(k + 1);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static double bestSql(Connection duck, String sql, long[] result) throws Exception {
        double best = Double.MAX_VALUE;
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            try (Statement s = duck.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                for (int k = 0; k < result.length; k++) {
                    result[k] = rs.getLong(k + 1);
                }
            }
            if (i >= WARM_UP) {
                best = Math.min(best, (System.nanoTime() - start) / 1e9);
            }
        }
        return best;
    }
}
