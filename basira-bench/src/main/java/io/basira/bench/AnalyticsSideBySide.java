package io.basira.bench;

import io.basira.analytics.AnalysisWindow;
import io.basira.analytics.CardAnalytics;
import io.basira.analytics.Cohorts;
import io.basira.analytics.CustomerTypes;
import io.basira.analytics.Overview;
import io.basira.analytics.Pareto;
import io.basira.analytics.Rfm;
import io.basira.analytics.StoreFacts;
import io.basira.commerce.OrderStatus;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Side by side, analysis by analysis: the core's analyses over a store's order columns ({@link StoreFacts},
 * what the server keeps in memory) against DuckDB's SQL over the same orders (2 threads), best of 5 runs
 * each after 5 untimed ones, on a seeded synthetic store of {@code customers} customers and about {@code ordersPerCustomer}
 * orders each (statuses, discounts, categories and days as {@link SyntheticStore} draws them). Checks that
 * both count the same buyers, orders and revenue. Then a full refresh of the card fields
 * ({@link CardAnalytics#compute}: percentiles, RFM, types, CLV calibration, fit and scoring) and the
 * resident bytes per order. Run:
 * <pre>
 * ./mvnw -B -q -pl basira-core,basira-bench -am package -DskipTests
 * ./mvnw -B -q -pl basira-bench dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx4g -cp basira-bench/target/classes:$(cat /tmp/cp.txt) io.basira.bench.AnalyticsSideBySide 1000000 10
 * </pre>
 */
public final class AnalyticsSideBySide {

    private static final int RUNS = 5;
    /** Untimed runs first, on both sides: the JIT compiles the scans, DuckDB caches its plans. */
    private static final int WARM_UP = 5;

    private static final LocalDate AS_OF = SyntheticStore.TODAY;
    private static final OrderStatus[] STATUSES = {
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.COMPLETED,
        OrderStatus.PROCESSING,
        OrderStatus.PENDING,
        OrderStatus.CANCELLED,
        OrderStatus.RETURNED
    };

    private AnalyticsSideBySide() {}

    public static void main(String[] args) throws Exception {
        int customers = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        double perCustomer = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        boolean refresh = args.length <= 2 || !args[2].equals("no-refresh");
        Path csv = Files.createTempFile("basira-orders", ".csv");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            StoreFacts facts = generate(customers, perCustomer, 42L, csv);
            double columnsSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            try (Statement s = duck.createStatement()) {
                s.execute("SET threads = 2");
                s.execute("CREATE TABLE orders AS SELECT * FROM read_csv('" + csv + "', header = true, columns = "
                        + "{'customer': 'INTEGER', 'day': 'DATE', 'counted': 'BOOLEAN', 'total': 'BIGINT', "
                        + "'discounted': 'BOOLEAN', 'category': 'INTEGER'})");
            }
            System.out.printf(
                    "%,d customers, %,d orders: columns built in %.1f s, DuckDB loaded in %.1f s; "
                            + "order columns %.1f bytes per order%n",
                    customers,
                    facts.orderCount(),
                    columnsSeconds,
                    (System.nanoTime() - start) / 1e9,
                    facts.orderBytes() / (double) facts.orderCount());
            compare(facts, duck);
            if (refresh) {
                start = System.nanoTime();
                CardAnalytics.Result result = CardAnalytics.compute(facts, AS_OF);
                System.out.printf(
                        "full refresh (card fields of %,d customers, CLV %s): %.1f s%n",
                        result.customers().size(), result.models().method(), (System.nanoTime() - start) / 1e9);
            }
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf(
                    "heap used after the run: %,d MB (max %,d MB)%n",
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(csv);
        }
    }

    /** The store's columns, and the same orders as CSV for DuckDB. */
    static StoreFacts generate(int customers, double perCustomer, long seed, Path csv) throws Exception {
        Random random = new Random(seed);
        StoreFacts.Builder b = StoreFacts.builder(SyntheticStore.ZONE, Currency.getInstance("SAR"));
        int today = (int) AS_OF.toEpochDay();
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            out.write("customer,day,counted,total,discounted,category\n");
            for (int c = 0; c < customers; c++) {
                int row = b.customer("c" + (10L * (c + 1)), null, null, null, AS_OF.minusDays(random.nextInt(2_500)));
                int orders = random.nextInt(10) == 0
                        ? 0
                        : (int) Math.min(400, -Math.log(random.nextDouble()) * perCustomer * 1.1);
                for (int o = 0; o < orders; o++) {
                    int day = today - random.nextInt(1_200);
                    OrderStatus status = STATUSES[random.nextInt(STATUSES.length)];
                    long total = 2_000L + random.nextInt(60_000);
                    boolean discounted = random.nextInt(4) == 0;
                    int category = random.nextInt(10) == 0
                            ? StoreFacts.MIXED_CATEGORIES
                            : b.categoryCode("category-" + random.nextInt(20));
                    b.order(row, day, status, total, discounted, category);
                    out.write(row + "," + LocalDate.ofEpochDay(day) + "," + status.isCounted() + "," + total + ","
                            + discounted + "," + category + "\n");
                }
            }
        }
        return b.build();
    }

    private static void compare(StoreFacts facts, Connection duck) throws Exception {
        AnalysisWindow whole = AnalysisWindow.asOf(AS_OF);
        LocalDate from = AS_OF.minusDays(Overview.DEFAULT_DAYS - 1);
        LocalDate previous = from.minusDays(Overview.DEFAULT_DAYS);
        String counted = "counted AND day <= DATE '" + AS_OF + "'";
        System.out.printf("%-10s %12s %12s %8s  %s%n", "analysis", "basira ms", "duckdb ms", "ratio", "check");
        Overview.Report[] overview = new Overview.Report[1];
        double basira = best(() -> overview[0] = Overview.of(facts, whole));
        long[] duckOverview = new long[2];
        double duck1 = bestSql(
                duck,
                "WITH c AS (SELECT customer, day, total FROM orders WHERE " + counted + "), "
                        + "f AS (SELECT customer, min(day) AS first, count(*) AS n FROM c GROUP BY customer), "
                        + "p AS (SELECT customer, max(CASE WHEN day >= DATE '" + from + "' THEN 1 ELSE 0 END) AS now, "
                        + "max(CASE WHEN day < DATE '" + from + "' AND day >= DATE '" + previous
                        + "' THEN 1 ELSE 0 END) AS before "
                        + "FROM c GROUP BY customer) "
                        + "SELECT (SELECT count(*) FROM c WHERE day >= DATE '" + from + "'), "
                        + "(SELECT sum(total) FROM c WHERE day >= DATE '" + from + "'), "
                        + "(SELECT count(*) FROM p JOIN f USING (customer) WHERE now = 1 AND f.first >= DATE '" + from
                        + "'), "
                        + "(SELECT count(*) FROM p WHERE now = 1 AND before = 1), "
                        + "(SELECT sum(total) FROM c JOIN f USING (customer) WHERE c.day >= DATE '" + from
                        + "' AND f.first >= DATE '"
                        + from + "')",
                duckOverview);
        report(
                "overview",
                basira,
                duck1,
                overview[0].orders() == duckOverview[0]
                        && overview[0].revenue().movePointRight(2).longValueExact() == duckOverview[1]);

        Pareto.Report[] pareto = new Pareto.Report[1];
        basira = best(() -> pareto[0] = Pareto.of(facts, whole));
        long[] duckPareto = new long[2];
        double duck2 = bestSql(
                duck,
                "WITH s AS (SELECT customer, sum(total) AS spend FROM orders WHERE " + counted
                        + " GROUP BY customer), r AS (SELECT spend, count(*) OVER () AS n, rank() OVER (ORDER BY spend DESC) AS g, "
                        + "sum(spend) OVER (ORDER BY spend DESC ROWS UNBOUNDED PRECEDING) AS running, "
                        + "row_number() OVER (ORDER BY spend DESC) AS k FROM s) "
                        + "SELECT count(*), sum(spend), sum(round(100.0 * (n - g + 1) / n, 2)), "
                        + "max(CASE WHEN k = ceil(0.2 * n) THEN running END) FROM r",
                duckPareto);
        report(
                "80/20",
                basira,
                duck2,
                pareto[0].buyers() == duckPareto[0]
                        && pareto[0].revenue().movePointRight(2).longValueExact() == duckPareto[1]);

        Cohorts.Report[] cohorts = new Cohorts.Report[1];
        basira = best(() -> cohorts[0] = Cohorts.of(facts, whole));
        long[] duckCohorts = new long[2];
        double duck3 = bestSql(
                duck,
                "WITH c AS (SELECT customer, day, total FROM orders WHERE " + counted + "), "
                        + "f AS (SELECT customer, date_trunc('month', min(day)) AS cohort FROM c GROUP BY customer), "
                        + "m AS (SELECT f.cohort, datediff('month', f.cohort, date_trunc('month', c.day)) AS offs, "
                        + "count(DISTINCT c.customer) AS buyers, count(*) AS orders, sum(c.total) AS revenue "
                        + "FROM c JOIN f USING (customer) GROUP BY 1, 2) SELECT sum(orders), sum(buyers) FROM m",
                duckCohorts);
        long cohortOrders = cohorts[0].cohorts().stream()
                .flatMap(k -> k.months().stream())
                .mapToLong(Cohorts.CohortMonth::orders)
                .sum();
        long cohortBuyers = cohorts[0].cohorts().stream()
                .flatMap(k -> k.months().stream())
                .mapToLong(Cohorts.CohortMonth::buyers)
                .sum();
        report("cohorts", basira, duck3, cohortOrders == duckCohorts[0] && cohortBuyers == duckCohorts[1]);

        Rfm.Report[] rfm = new Rfm.Report[1];
        basira = best(
                () -> { // as the API answers: the groups and the grid of R and F scores, read from every buyer's scores
                    rfm[0] = Rfm.of(facts, whole);
                    int[][] grid = new int[5][5];
                    rfm[0].scores().forEach(s -> grid[s.recency() - 1][s.frequencyScore() - 1]++);
                    return grid;
                });
        long[] duckRfm = new long[2];
        double duck4 = bestSql(
                duck,
                "WITH s AS (SELECT customer, DATE '" + AS_OF + "' - max(day) AS recency, "
                        + "count(*) AS frequency, sum(total) AS monetary FROM orders WHERE " + counted
                        + " GROUP BY customer), "
                        + "q AS (SELECT count(*) OVER () AS n, "
                        + "rank() OVER (ORDER BY -recency) - 1 AS lr, count(*) OVER (PARTITION BY recency) AS er, "
                        + "rank() OVER (ORDER BY frequency) - 1 AS lf, count(*) OVER (PARTITION BY frequency) AS ef, "
                        + "rank() OVER (ORDER BY monetary) - 1 AS lm, count(*) OVER (PARTITION BY monetary) AS em FROM s), "
                        + "g AS (SELECT least(5, 1 + (5 * (2 * lr + er)) // (2 * n)) AS r, least(5, 1 + (5 * (2 * lf + ef)) // (2 * n)) AS f, "
                        + "least(5, 1 + (5 * (2 * lm + em)) // (2 * n)) AS m FROM q) "
                        + "SELECT count(*), count(*) FILTER (WHERE r = 5 AND (f + m + 1) // 2 >= 4) FROM g",
                duckRfm);
        long champions = rfm[0].groups().get(io.basira.analytics.RfmGroup.CHAMPIONS);
        long champions5 = rfm[0].scores().stream()
                .filter(s ->
                        s.recency() == 5 && io.basira.analytics.RfmGroup.fm(s.frequencyScore(), s.monetaryScore()) >= 4)
                .count();
        report(
                "rfm",
                basira,
                duck4,
                rfm[0].scores().size() == duckRfm[0] && champions5 == duckRfm[1] && champions >= champions5);

        CustomerTypes.Report[] types = new CustomerTypes.Report[1];
        basira = best(() -> types[0] = CustomerTypes.of(facts, whole));
        long[] duckTypes = new long[2];
        double duck5 = bestSql(
                duck,
                "WITH d AS (SELECT customer, day, count(*) AS n, sum(discounted::INT) AS disc, "
                        + "count(DISTINCT category) AS cats, min(category) AS cat FROM orders WHERE " + counted
                        + " GROUP BY customer, day), g AS (SELECT *, day - lag(day) OVER (PARTITION BY customer ORDER BY day) AS gap FROM d), "
                        + "s AS (SELECT customer, count(*) AS days, sum(n) AS orders, sum(disc) AS disc, avg(gap) AS mean, "
                        + "stddev_pop(gap) AS sd, max(day) AS last, max(cats) AS cats, min(cat) AS lo, max(cat) AS hi FROM g GROUP BY customer), "
                        + "t AS (SELECT CASE WHEN disc >= 0.5 * orders THEN 'discount' "
                        + "WHEN days >= 3 AND DATE '" + AS_OF + "' - last <= 2 * mean THEN 'loyal' "
                        + "WHEN days >= 2 AND cats = 1 AND lo = hi AND lo > 0 THEN 'need' WHEN days = 1 THEN 'impulsive' "
                        + "ELSE 'wandering' END AS type, CASE WHEN days >= 3 AND sd / mean <= 0.5 THEN 1 ELSE 0 END AS regular FROM s) "
                        + "SELECT count(*), count(*) FILTER (WHERE type = 'discount') FROM t",
                duckTypes);
        report(
                "types",
                basira,
                duck5,
                types[0].customers().size() == duckTypes[0]
                        && types[0].types().get(io.basira.analytics.CustomerType.DISCOUNT_DRIVEN) == duckTypes[1]);
    }

    private static void report(String name, double basira, double duck, boolean same) {
        System.out.printf(
                "%-10s %12.1f %12.1f %8.2f  %s%n", name, basira, duck, duck / basira, same ? "same" : "MISMATCH");
    }

    private static double best(Supplier<Object> run) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < WARM_UP; r++) {
            run.get();
        }
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            run.get();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static double bestSql(Connection duck, String sql, long[] firstColumns) throws Exception {
        double best = Double.MAX_VALUE;
        try (Statement statement = duck.createStatement()) {
            for (int r = 0; r < WARM_UP; r++) {
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                }
            }
            for (int r = 0; r < RUNS; r++) {
                long start = System.nanoTime();
                try (ResultSet rs = statement.executeQuery(sql)) {
                    rs.next();
                    for (int i = 0; i < firstColumns.length; i++) {
                        firstColumns[i] = rs.getLong(i + 1);
                    }
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
        }
        return best;
    }
}
