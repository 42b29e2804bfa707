package io.basira.bench;

import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.SegmentField;
import io.basira.segment.audience.IndexedAudience;
import io.basira.segment.eval.CustomerProfile;
import io.basira.segment.eval.FieldValues;
import io.basira.segment.text.RuleText;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Side by side, group by group: {@link IndexedAudience#members} (2 threads, RoaringBitmap of members)
 * against DuckDB's {@code SELECT count(*) FROM customers WHERE <SQL twin>} (2 threads) on the same
 * synthetic customers, best of 5 runs each, for the 100 groups of {@link RandomRules} (8 templates +
 * 92 random text rules). Also checks that both count the same members: DuckDB is an independent
 * reading of the rules' three-valued logic ({@link SqlTwin}).
 *
 * <p>DuckDB's table holds each field's value as of {@link SyntheticStore#TODAY} (age, next birthday
 * and days since the last purchase precomputed, which only helps DuckDB). Run:
 * <pre>
 * java -Xmx8g -cp basira-bench/target/classes:$(cat /tmp/cp.txt) io.basira.bench.DuckDbSideBySide 10000000
 * </pre>
 */
public final class DuckDbSideBySide {

    static final long DATA_SEED = 42L;
    static final long RULE_SEED = 7L;
    private static final int RUNS = 5;

    private DuckDbSideBySide() {}

    public static void main(String[] args) throws Exception {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<Condition> rules = new RandomRules(RULE_SEED).rules(RandomRules.GROUPS);
        Path csv = Files.createTempFile("basira-customers", ".csv");
        ExecutorService executor = Executors.newFixedThreadPool(2);
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            long start = System.nanoTime();
            IndexedAudience audience = loadBoth(
                    rows, DATA_SEED, csv, duck, new IndexedAudience(SyntheticStore.ZONE, 2, rows, executor, 2));
            System.out.printf("loaded %,d customers into both in %.1f s%n", rows, (System.nanoTime() - start) / 1e9);
            compare(audience, rules, duck);
        } finally {
            executor.shutdownNow();
            Files.deleteIfExists(csv);
        }
    }

    /** Upserts the customers of {@code seed} into {@code audience} and loads the same ones into DuckDB. */
    static IndexedAudience loadBoth(int rows, long seed, Path csv, Connection duck, IndexedAudience audience)
            throws IOException, SQLException {
        return loadBoth(each -> SyntheticStore.forEach(rows, seed, each), csv, duck, audience);
    }

    /** Any customers (a test's own, with analytics fields) into both: the audience and DuckDB's table. */
    static IndexedAudience loadBoth(
            java.util.function.Consumer<java.util.function.Consumer<CustomerSnapshot>> customers,
            Path csv,
            Connection duck,
            IndexedAudience audience)
            throws IOException, SQLException {
        try (BufferedWriter out = Files.newBufferedWriter(csv)) {
            StringJoiner header = new StringJoiner(",", "", "\n");
            scalarFields().forEach(f -> header.add(f.fieldName()));
            out.write(header.add("tags").toString());
            customers.accept(snapshot -> {
                audience.upsert(snapshot);
                write(out, snapshot);
            });
        }
        load(duck, csv);
        return audience;
    }

    private static void compare(IndexedAudience audience, List<Condition> rules, Connection duck) throws SQLException {
        double indexTotal = 0;
        double duckTotal = 0;
        int slower = 0;
        int mismatches = 0;
        System.out.printf("%4s %10s %10s %10s  %s%n", "rule", "members", "index ms", "duckdb ms", "rule");
        for (int i = 0; i < rules.size(); i++) {
            Condition rule = rules.get(i);
            long[] members = new long[1];
            double indexMs = best(() -> members[0] = audience.members(rule, SyntheticStore.CONTEXT, key -> {
                        throw new IllegalStateException("no groups in the benchmark");
                    })
                    .getLongCardinality());
            long[] counted = new long[1];
            double duckMs = bestSql(duck, SqlTwin.where(rule, SyntheticStore.TODAY), counted);
            if (counted[0] != members[0]) {
                mismatches++;
                System.out.printf(
                        "MISMATCH rule %d: index %d, duckdb %d: %s%n", i, members[0], counted[0], RuleText.print(rule));
            }
            indexTotal += indexMs;
            duckTotal += duckMs;
            slower += indexMs > duckMs ? 1 : 0;
            System.out.printf("%4d %10d %10.2f %10.2f  %s%n", i, members[0], indexMs, duckMs, RuleText.print(rule));
        }
        System.out.printf(
                "total (sum of best runs): index %.1f ms, duckdb %.1f ms; index slower on %d of %d rules;"
                        + " %d count mismatches%n",
                indexTotal, duckTotal, slower, rules.size(), mismatches);
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
                count[0] = count(statement, where);
                best = Math.min(best, (System.nanoTime() - start) / 1e6);
            }
        }
        return best;
    }

    static long count(Statement statement, String where) throws SQLException {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM customers WHERE " + where)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static List<SegmentField> scalarFields() {
        return io.basira.fields.BuiltInFields.catalogue().all().stream()
                .filter(f -> f.type().isScalar())
                .toList();
    }

    private static String csv(String text) {
        return text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")
                ? "\"" + text.replace("\"", "\"\"") + "\""
                : text;
    }

    private static String sqlType(SegmentField field) {
        return switch (field.type()) {
            case INTEGER -> "BIGINT";
            case MONEY -> "DECIMAL(18,2)";
            case DECIMAL -> "DECIMAL(9,4)";
            case DATE, DATE_TIME -> "DATE";
            default -> "VARCHAR";
        };
    }

    private static void load(Connection duck, Path csv) throws SQLException {
        StringJoiner types = new StringJoiner(", ", "{", "}");
        StringJoiner select = new StringJoiner(", ");
        for (SegmentField field : scalarFields()) {
            types.add("'" + field.fieldName() + "': '" + sqlType(field) + "'");
            select.add(field.fieldName());
        }
        types.add("'tags': 'VARCHAR'");
        select.add("coalesce(string_split(tags, '|'), []::VARCHAR[]) AS tags");
        try (Statement statement = duck.createStatement()) {
            statement.execute("SET threads = 2");
            statement.execute("CREATE TABLE customers AS SELECT " + select + " FROM read_csv('" + csv
                    + "', header = true, nullstr = '', quote = '\"', columns = " + types + ")");
        }
    }

    /**
     * One CSV line: every scalar field as {@link FieldValues} reads it today (the analytics fields too, when the
     * customer has them), then the tags joined by '|'. Text holding a comma, a quote or a line break is quoted.
     */
    private static void write(BufferedWriter out, CustomerSnapshot snapshot) {
        CustomerProfile profile =
                new CustomerProfile(snapshot.customer(), snapshot.card(), java.util.Set.of(), snapshot.analytics());
        StringJoiner line = new StringJoiner(",", "", "\n");
        for (SegmentField field : scalarFields()) {
            Object value = FieldValues.of(field, profile, SyntheticStore.CONTEXT);
            line.add(
                    value == null
                            ? ""
                            : value instanceof java.math.BigDecimal d ? d.toPlainString() : csv(value.toString()));
        }
        line.add(String.join("|", snapshot.customer().tags()));
        try {
            out.write(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
