package io.basira.bench;

import io.basira.index.BoundPredicate;
import io.basira.index.ColumnKind;
import io.basira.index.ColumnSpec;
import io.basira.index.CustomerIndex;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Side by side, rule by rule: the index's full evaluation (2 threads, RoaringBitmap result)
 * against DuckDB's {@code SELECT count(*) FROM customers WHERE <rule>} (2 threads) on the same
 * synthetic store, best of 5 runs each. Also checks that both count the same members, which
 * cross-checks the index's three-valued logic against a real SQL engine.
 *
 * <p>Needs {@code org.duckdb:duckdb_jdbc} on the classpath (not a basira-bench dependency yet;
 * this class only uses java.sql). Run:
 * <pre>
 * java -Xmx6g -cp basira-bench/target/classes:$(cat /tmp/cp.txt):duckdb_jdbc-2.0.0.1.jar \
 *     io.basira.bench.DuckDbSideBySide 10000000
 * </pre>
 */
public final class DuckDbSideBySide {

    private static final int RUNS = 5;

    private DuckDbSideBySide() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        CustomerIndex index = SyntheticStore.build(rows, IndexScanBenchmark.DATA_SEED);
        List<RandomRules.Rule> rules = new RandomRules(IndexScanBenchmark.RULE_SEED).rules(IndexScanBenchmark.RULES);
        Path csv = Files.createTempFile("basira-customers", ".csv");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            writeCsv(csv, rows);
            load(duck, csv);
            compare(index, rules, duck, executor);
        } catch (SQLException e) {
            System.err.println("DuckDB failed (is org.duckdb:duckdb_jdbc on the classpath?): " + e.getMessage());
        } finally {
            executor.shutdownNow();
            Files.deleteIfExists(csv);
        }
    }

    private static void compare(CustomerIndex index, List<RandomRules.Rule> rules, Connection duck, ExecutorService executor)
            throws SQLException {
        double indexTotal = 0;
        double duckTotal = 0;
        int slower = 0;
        System.out.printf("%4s %10s %10s %10s  %s%n", "rule", "members", "index ms", "duckdb ms", "where");
        for (int i = 0; i < rules.size(); i++) {
            RandomRules.Rule rule = rules.get(i);
            BoundPredicate bound = index.bind(rule.predicate());
            long[] members = new long[1];
            double indexMs = best(() -> members[0] = index.evaluate(bound, executor, 2).getLongCardinality());
            long[] counted = new long[1];
            double duckMs = bestSql(duck, rule.sql(), counted);
            if (counted[0] != members[0]) {
                System.out.printf("MISMATCH rule %d: index %d, duckdb %d: %s%n", i, members[0], counted[0], rule.sql());
            }
            indexTotal += indexMs;
            duckTotal += duckMs;
            slower += indexMs > duckMs ? 1 : 0;
            System.out.printf("%4d %10d %10.2f %10.2f  %s%n", i, members[0], indexMs, duckMs, rule.sql());
        }
        System.out.printf("total: index %.1f ms, duckdb %.1f ms; index slower on %d of %d rules%n",
                indexTotal, duckTotal, slower, rules.size());
    }

    private static double best(Runnable run) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < RUNS; r++) {
            long start = System.nanoTime();
            run.run();
            best = Math.min(best, (System.nanoTime() - start) / 1e6);
        }
        return best;
    }

    private static double bestSql(Connection duck, String where, long[] count) throws SQLException {
        double best = Double.MAX_VALUE;
        try (Statement statement = duck.createStatement()) {
            for (int r = 0; r < RUNS; r++) {
                long start = System.nanoTime();
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM customers WHERE " + where)) {
                    result.next();
                    count[0] = result.getLong(1);
                }
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
        }
        return best;
    }

    private static void load(Connection duck, Path csv) throws SQLException {
        StringJoiner types = new StringJoiner(", ", "{", "}");
        StringJoiner select = new StringJoiner(", ");
        for (ColumnSpec spec : SyntheticStore.FIELDS) {
            String type = spec.kind() == ColumnKind.INTEGER ? "BIGINT" : "VARCHAR";
            types.add("'" + spec.name() + "': '" + type + "'");
            select.add(spec.kind() == ColumnKind.TAGS
                    ? "CASE WHEN " + spec.name() + " IS NULL THEN NULL ELSE string_split(" + spec.name() + ", '|') END AS " + spec.name()
                    : spec.name());
        }
        try (Statement statement = duck.createStatement()) {
            statement.execute("SET threads = 2");
            statement.execute("CREATE TABLE customers AS SELECT " + select + " FROM read_csv('" + csv
                    + "', header = true, nullstr = '', columns = " + types + ")");
        }
    }

    /** The same rows as {@link SyntheticStore#build}: same seed, same draw order. */
    private static void writeCsv(Path csv, int rows) throws IOException {
        Random random = new Random(IndexScanBenchmark.DATA_SEED);
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            StringJoiner header = new StringJoiner(",");
            SyntheticStore.FIELDS.forEach(spec -> header.add(spec.name()));
            out.write(header + "\n");
            for (int i = 0; i < rows; i++) {
                out.write(csvLine(SyntheticStore.customer(random)));
            }
        }
    }

    private static String csvLine(Object[] values) {
        StringJoiner line = new StringJoiner(",", "", "\n");
        for (Object value : values) {
            if (value instanceof List<?> tags) {
                StringJoiner joined = new StringJoiner("|");
                tags.forEach(tag -> joined.add(tag.toString()));
                line.add(joined.toString());
            } else {
                line.add(value == null ? "" : value.toString());
            }
        }
        return line.toString();
    }
}
