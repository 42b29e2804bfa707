package io.basira.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * API writes next to {@code pgbench}, in one run (issue 12's target: API writes ≥ 0.8× pgbench running the
 * equivalent upsert plus card update, at 1, 8 and 32 clients, single and bulk).
 *
 * <p>The API side is {@link OrderWriteLoad} against a running Basira on PostgreSQL: single orders, and bulks
 * of {@code --bulk} orders through the NDJSON endpoint. The pgbench side runs, on the same PostgreSQL, in
 * a schema of its own ({@code --schema}, dropped and made again) holding the {@code customers} and
 * {@code orders} tables of the real schema (their columns, keys, foreign key and index), the SQL a
 * minimal write of the same orders needs: the order's upsert ({@code INSERT … ON CONFLICT DO UPDATE}, all
 * columns) and its customer's card update (counts, sum, average, dates, discount share), in one
 * transaction; a bulk is one multi-row upsert of 100 orders and one set-based card update of their 100
 * customers, their rows locked in one sorted order first (as Basira's write locks are), so concurrent bulks
 * wait for each other instead of deadlocking. Both sides write new completed orders for the same 1,000 customers. Each (clients, mode)
 * pair is measured {@code --rounds} times, the two sides alternating which goes first; the summary gives
 * orders/s min and median of each side and the ratio of the medians.
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.WriteSideBySide --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/key.txt --pg-host 127.0.0.1 --pg-user root --pg-db test \
 *     --clients 1,8,32 --bulk 100 --seconds 10 --warmup 3 --rounds 3
 * </pre>
 */
public final class WriteSideBySide {

    static final Pattern FAILED = Pattern.compile("number of failed transactions: ([0-9]+)");
    static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");

    public static void main(String[] args) throws Exception {
        URI base = URI.create(OrderWriteLoad.option(args, "--base", "http://127.0.0.1:8091"));
        String key = Files.readString(Path.of(OrderWriteLoad.option(args, "--key-file", "/tmp/basira-load/key.txt")))
                .strip();
        List<String> pg = List.of(
                "-h",
                OrderWriteLoad.option(args, "--pg-host", "127.0.0.1"),
                "-p",
                OrderWriteLoad.option(args, "--pg-port", "5432"),
                "-U",
                OrderWriteLoad.option(args, "--pg-user", "root"));
        String database = OrderWriteLoad.option(args, "--pg-db", "test");
        String schema = OrderWriteLoad.option(args, "--schema", "basira_pgbench");
        String pgbench = OrderWriteLoad.option(args, "--pgbench", "pgbench");
        int[] clients = Arrays.stream(
                        OrderWriteLoad.option(args, "--clients", "1,8,32").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
        int bulk = Integer.parseInt(OrderWriteLoad.option(args, "--bulk", "100"));
        int seconds = Integer.parseInt(OrderWriteLoad.option(args, "--seconds", "10"));
        int warmup = Integer.parseInt(OrderWriteLoad.option(args, "--warmup", "3"));
        int rounds = Integer.parseInt(OrderWriteLoad.option(args, "--rounds", "3"));
        long serverPid = Long.parseLong(OrderWriteLoad.option(args, "--server-pid", "0"));

        OrderWriteLoad.createCustomers(base, key);
        psql(pg, database, setUp(schema));
        Path single = script("single", singleScript(schema));
        Path bulkScript = script("bulk", bulkScript(schema, bulk));

        Map<String, List<double[]>> results = new LinkedHashMap<>(); // "clients/mode" -> [api, pgbench] per round
        String run = Long.toString(System.nanoTime(), 36);
        for (int round = 0; round < rounds; round++) {
            for (int c : clients) {
                for (int b : new int[] {0, bulk}) {
                    String pair = c + "/" + (b == 0 ? "single" : "bulk " + b);
                    String tag = run + "r" + round + "c" + c + "b" + b;
                    double api;
                    double sql;
                    if (round % 2 == 0) {
                        api = api(base, key, c, warmup, seconds, tag, b, serverPid);
                        sql = pgbench(pgbench, pg, database, c, seconds, b == 0 ? single : bulkScript, Math.max(1, b));
                    } else {
                        sql = pgbench(pgbench, pg, database, c, seconds, b == 0 ? single : bulkScript, Math.max(1, b));
                        api = api(base, key, c, warmup, seconds, tag, b, serverPid);
                    }
                    System.out.printf(
                            Locale.ROOT,
                            "round %d, %s clients: API %.0f orders/s, pgbench %.0f orders/s, ratio %.2f%n",
                            round + 1,
                            pair,
                            api,
                            sql,
                            api / sql);
                    results.computeIfAbsent(pair, any -> new ArrayList<>()).add(new double[] {api, sql});
                }
            }
        }
        System.out.println();
        System.out.println(
                "| clients / mode | API orders/s min / median | pgbench orders/s min / median | ratio of medians |");
        System.out.println("|---|---|---|---|");
        results.forEach((pair, rows) -> {
            double[] api = rows.stream().mapToDouble(r -> r[0]).sorted().toArray();
            double[] sql = rows.stream().mapToDouble(r -> r[1]).sorted().toArray();
            System.out.printf(
                    Locale.ROOT,
                    "| %s | %.0f / %.0f | %.0f / %.0f | %.2f |%n",
                    pair,
                    api[0],
                    median(api),
                    sql[0],
                    median(sql),
                    median(api) / median(sql));
        });
    }

    /**
     * @param serverPid the server's process id on this machine, or 0: when given, the CPU time the server
     *     spent per order is printed too (user + system, from /proc), which a loaded machine inflates far
     *     less than wall-clock throughput
     */
    private static double api(
            URI base, String key, int clients, int warmup, int seconds, String tag, int bulk, long serverPid)
            throws InterruptedException, IOException {
        OrderWriteLoad.measure(base, key, clients, warmup, tag + "w", bulk);
        long cpuBefore = cpuTicks(serverPid);
        OrderWriteLoad.Result result = OrderWriteLoad.measure(base, key, clients, seconds, tag, bulk);
        long cpuAfter = cpuTicks(serverPid);
        if (result.requests().errors() > 0) {
            System.out.println("  API: " + result.requests().errors() + " failed requests");
        }
        if (serverPid > 0 && result.orders() > 0) {
            System.out.printf(
                    Locale.ROOT,
                    "  API server CPU: %.3f ms per order (%d orders)%n",
                    (cpuAfter - cpuBefore) * 10.0 / result.orders(),
                    result.orders());
        }
        return result.ordersPerSecond(seconds);
    }

    /** User + system CPU time of a process in clock ticks (1/100 s on Linux), or 0 without a process. */
    static long cpuTicks(long pid) throws IOException {
        if (pid <= 0) {
            return 0;
        }
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime (fields 14, 15)
    }

    private static double pgbench(
            String pgbench,
            List<String> pg,
            String database,
            int clients,
            int seconds,
            Path script,
            int ordersPerTransaction)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                pgbench,
                "-n",
                "-M",
                "prepared",
                "--max-tries=10",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, 4)),
                "-T",
                Integer.toString(seconds),
                "-f",
                script.toString()));
        command.addAll(pg);
        command.add(database);
        String output = run(command, null);
        Matcher failed = FAILED.matcher(output);
        if (failed.find() && !failed.group(1).equals("0")) {
            System.out.println("  pgbench: " + failed.group(1) + " failed transactions");
        }
        Matcher tps = TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        return Double.parseDouble(tps.group(1)) * ordersPerTransaction;
    }

    /** The pgbench side's schema: the real tables' columns, keys, foreign keys and index; 1,000 customers. */
    static String setUp(String schema) {
        return "DROP SCHEMA IF EXISTS " + schema + " CASCADE;\n"
                + "CREATE SCHEMA " + schema + ";\n"
                + "SET search_path TO " + schema + ";\n"
                + "CREATE TABLE stores (id BIGINT PRIMARY KEY);\n"
                + "INSERT INTO stores VALUES (1);\n"
                + "CREATE TABLE customers (\n"
                + "  id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, store_id BIGINT NOT NULL REFERENCES stores (id),\n"
                + "  external_id VARCHAR(128) NOT NULL, first_name VARCHAR(100), created_at TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "  order_count INT DEFAULT 0 NOT NULL, total_spent_minor BIGINT DEFAULT 0 NOT NULL,\n"
                + "  average_order_value NUMERIC(19, 2) DEFAULT 0 NOT NULL, cancelled_orders INT DEFAULT 0 NOT NULL,\n"
                + "  returned_orders INT DEFAULT 0 NOT NULL, last_purchase_at TIMESTAMP WITH TIME ZONE,\n"
                + "  first_order_at TIMESTAMP WITH TIME ZONE, abandoned_carts INT DEFAULT 0 NOT NULL, store_rating SMALLINT,\n"
                + "  discounted_orders INT DEFAULT 0 NOT NULL, discount_share NUMERIC(5, 4),\n"
                + "  wishlist_count INT DEFAULT 0 NOT NULL, reviews_count INT DEFAULT 0 NOT NULL,\n"
                + "  CONSTRAINT customers_external_unique UNIQUE (store_id, external_id));\n"
                + "CREATE TABLE orders (\n"
                + "  store_id BIGINT NOT NULL REFERENCES stores (id), external_id VARCHAR(128) NOT NULL,\n"
                + "  customer_external_id VARCHAR(128) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL,\n"
                + "  status VARCHAR(12) NOT NULL, total_minor BIGINT NOT NULL, discount_minor BIGINT DEFAULT 0 NOT NULL,\n"
                + "  coupon_code VARCHAR(64), payment_method VARCHAR(64), shipping_method VARCHAR(64),\n"
                + "  PRIMARY KEY (store_id, external_id),\n"
                + "  FOREIGN KEY (store_id, customer_external_id) REFERENCES customers (store_id, external_id));\n"
                + "CREATE INDEX orders_customer ON orders (store_id, customer_external_id);\n"
                + "INSERT INTO customers (store_id, external_id, created_at) SELECT 1, 'W' || g, '2024-01-01'\n"
                + "  FROM generate_series(0, " + (OrderWriteLoad.CUSTOMERS - 1) + ") g;\n"
                + "ANALYZE customers;\n";
    }

    private static final String UPSERT_SET = " ON CONFLICT (store_id, external_id) DO UPDATE SET "
            + "customer_external_id = EXCLUDED.customer_external_id, created_at = EXCLUDED.created_at, "
            + "status = EXCLUDED.status, total_minor = EXCLUDED.total_minor, discount_minor = EXCLUDED.discount_minor, "
            + "coupon_code = EXCLUDED.coupon_code, payment_method = EXCLUDED.payment_method, "
            + "shipping_method = EXCLUDED.shipping_method;\n";

    /** The card update of one more completed order of {@code total} minor units at {@code at}. */
    private static String cardUpdate(String schema, long total, String at, String where) {
        return "UPDATE " + schema + ".customers SET order_count = order_count + 1, "
                + "total_spent_minor = total_spent_minor + " + total + ", "
                + "average_order_value = round((total_spent_minor + " + total + ") / 100.0 / (order_count + 1), 2), "
                + "last_purchase_at = GREATEST(last_purchase_at, TIMESTAMPTZ '" + at + "'), "
                + "first_order_at = LEAST(first_order_at, TIMESTAMPTZ '" + at + "'), "
                + "discount_share = round(discounted_orders::numeric / (order_count + 1), 4) WHERE " + where + ";\n";
    }

    static String singleScript(String schema) {
        String at = "2024-05-30T07:00:00Z";
        return "\\set c random(0, " + (OrderWriteLoad.CUSTOMERS - 1) + ")\n"
                + "\\set o random(1, 2000000000)\n"
                + "BEGIN;\n"
                + "INSERT INTO " + schema + ".orders (store_id, external_id, customer_external_id, created_at, status, "
                + "total_minor, discount_minor, coupon_code, payment_method, shipping_method) VALUES (1, 'P' || :client_id "
                + "|| '-' || :o, 'W' || :c, TIMESTAMPTZ '" + at + "', 'completed', 15000, 0, NULL, NULL, NULL)"
                + UPSERT_SET
                + cardUpdate(schema, 15000, at, "store_id = 1 AND external_id = 'W' || :c")
                + "END;\n";
    }

    static String bulkScript(String schema, int size) {
        String at = "2024-05-30T07:00:00Z";
        String customer = "'W' || ((:c + g) % " + OrderWriteLoad.CUSTOMERS + ")";
        return "\\set c random(0, " + (OrderWriteLoad.CUSTOMERS - 1) + ")\n"
                + "\\set o random(1, 2000000000)\n"
                + "BEGIN;\n"
                + "INSERT INTO " + schema + ".orders (store_id, external_id, customer_external_id, created_at, status, "
                + "total_minor, discount_minor, coupon_code, payment_method, shipping_method) SELECT 1, 'P' || :client_id "
                + "|| '-' || :o || '-' || g, " + customer + ", TIMESTAMPTZ '" + at
                + "', 'completed', 9900, 0, NULL, NULL, "
                + "NULL FROM generate_series(1, " + size + ") g" + UPSERT_SET
                + cardUpdate(
                        schema,
                        9900,
                        at,
                        "id IN (SELECT id FROM " + schema + ".customers WHERE store_id = 1 AND "
                                + "external_id IN (SELECT " + customer + " FROM generate_series(1, " + size + ") g) "
                                + "ORDER BY external_id FOR NO KEY UPDATE)")
                + "END;\n";
    }

    private static Path script(String name, String text) throws IOException {
        Path file = Files.createTempFile("basira-pgbench-" + name, ".sql");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    static void psql(List<String> pg, String database, String sql) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("psql", "-q", "-v", "ON_ERROR_STOP=1"));
        command.addAll(pg);
        command.add(database);
        run(command, sql);
    }

    static String run(List<String> command, String input) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (input != null) {
            process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    private static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
