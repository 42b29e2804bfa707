package io.basira.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Issue 16's write-path target: loyalty earning adds at most ~10 % to the write path. Against one running Basira,
 * {@link OrderWriteLoad} writes new completed orders with the store's loyalty program off (the participants then
 * cost one remembered program look-up) and on (every order locks its customer's account, reads the ledger, appends
 * an entry, reads the 12-month spend and saves the standing), alternating which goes first each round. Reports
 * orders/s and, with {@code --server-pid}, the server's CPU per order of each side, their medians and the ratios;
 * with {@code --postgres-cpu}, also the CPU of every {@code postgres} process of the machine (the database's side of
 * the same writes: on PostgreSQL most of what earning costs is there) and the two together.
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.LoyaltyWriteLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/demo-api-key.txt --connections 4 --seconds 20 --warmup 5 --rounds 4 \
 *     [--bulk 100] [--server-pid PID] [--postgres-cpu]
 * </pre>
 */
public final class LoyaltyWriteLoad {

    private static final String PROGRAM =
            "{\"enabled\":%s,\"starts_at\":\"2024-01-01T00:00:00+03:00\",\"earn_points\":1,"
                    + "\"earn_per\":\"1.00\",\"pending_days\":14,\"tier_basis\":\"spend_12m\",\"tiers\":["
                    + "{\"name\":\"bronze\",\"threshold\":\"0\"},{\"name\":\"gold\",\"threshold\":\"5000.00\",\"multiplier\":\"1.5\"}],"
                    + "\"expiry_months\":12,\"expiry_warning_days\":7,\"redeem_points\":100,\"redeem_value\":\"10.00\"}";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(OrderWriteLoad.option(args, "--base", "http://127.0.0.1:8091"));
        String key = Files.readString(Path.of(OrderWriteLoad.option(args, "--key-file", "/tmp/basira-load/key.txt")))
                .strip();
        int connections = Integer.parseInt(OrderWriteLoad.option(args, "--connections", "4"));
        int seconds = Integer.parseInt(OrderWriteLoad.option(args, "--seconds", "20"));
        int warmup = Integer.parseInt(OrderWriteLoad.option(args, "--warmup", "5"));
        int rounds = Integer.parseInt(OrderWriteLoad.option(args, "--rounds", "4"));
        int bulk = Integer.parseInt(OrderWriteLoad.option(args, "--bulk", "0"));
        long serverPid = Long.parseLong(OrderWriteLoad.option(args, "--server-pid", "0"));
        boolean postgresCpu = List.of(args).contains("--postgres-cpu");
        OrderWriteLoad.createCustomers(base, key);
        String run = Long.toString(System.nanoTime(), 36);
        List<double[]> off = new ArrayList<>();
        List<double[]> on = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            for (boolean enabled : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                program(base, key, enabled);
                String tag = run + "r" + round + (enabled ? "on" : "off");
                OrderWriteLoad.measure(base, key, connections, warmup, tag + "w", bulk);
                long cpuBefore = WriteSideBySide.cpuTicks(serverPid);
                java.util.Map<Long, Long> databaseBefore = postgresCpu ? postgresTicks() : java.util.Map.of();
                OrderWriteLoad.Result result = OrderWriteLoad.measure(base, key, connections, seconds, tag, bulk);
                long cpuAfter = WriteSideBySide.cpuTicks(serverPid);
                java.util.Map<Long, Long> databaseAfter = postgresCpu ? postgresTicks() : java.util.Map.of();
                double perSecond = result.ordersPerSecond(seconds);
                double cpuMs = result.orders() == 0 ? 0 : (cpuAfter - cpuBefore) * 10.0 / result.orders();
                double databaseMs = result.orders() == 0
                        ? 0
                        : postgresTicksBetween(databaseBefore, databaseAfter) * 10.0 / result.orders();
                (enabled ? on : off).add(new double[] {perSecond, cpuMs, databaseMs, cpuMs + databaseMs});
                System.out.printf(
                        Locale.ROOT,
                        "round %d, loyalty %s: %.0f orders/s, %d errors%s%s%n",
                        round,
                        enabled ? "on " : "off",
                        perSecond,
                        result.requests().errors(),
                        serverPid > 0 ? String.format(Locale.ROOT, ", server CPU %.3f ms/order", cpuMs) : "",
                        postgresCpu ? String.format(Locale.ROOT, ", PostgreSQL CPU %.3f ms/order", databaseMs) : "");
            }
        }
        program(base, key, false);
        double offRate = median(off, 0);
        double onRate = median(on, 0);
        System.out.printf(
                Locale.ROOT,
                "median orders/s: off %.0f, on %.0f: on/off %.3f (%.1f %% fewer)%n",
                offRate,
                onRate,
                onRate / offRate,
                100 * (1 - onRate / offRate));
        if (serverPid > 0) {
            double offCpu = median(off, 1);
            double onCpu = median(on, 1);
            System.out.printf(
                    Locale.ROOT,
                    "median server CPU per order: off %.3f ms, on %.3f ms: +%.1f %%%n",
                    offCpu,
                    onCpu,
                    100 * (onCpu / offCpu - 1));
        }
        if (postgresCpu) {
            for (int index : new int[] {2, 3}) {
                double offCpu = median(off, index);
                double onCpu = median(on, index);
                System.out.printf(
                        Locale.ROOT,
                        "median %s CPU per order: off %.3f ms, on %.3f ms: +%.1f %%%n",
                        index == 2 ? "PostgreSQL" : "server + PostgreSQL",
                        offCpu,
                        onCpu,
                        100 * (onCpu / offCpu - 1));
            }
        }
    }

    /** User + system CPU of every live {@code postgres} process of the machine, in clock ticks, by process id. */
    static java.util.Map<Long, Long> postgresTicks() throws java.io.IOException {
        java.util.Map<Long, Long> ticks = new java.util.HashMap<>();
        try (var processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) {
                    continue;
                }
                try {
                    String stat = Files.readString(process.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    if (comm.equals("postgres")) {
                        ticks.put(Long.parseLong(name), WriteSideBySide.cpuTicks(Long.parseLong(name)));
                    }
                } catch (java.io.IOException | RuntimeException gone) {
                    // the process ended while the list was read
                }
            }
        }
        return ticks;
    }

    /**
     * The CPU the {@code postgres} processes used between two readings: each live one's growth (a process started in
     * between counts whole); one that ended in between is not counted (its last ticks are gone with it).
     */
    static long postgresTicksBetween(java.util.Map<Long, Long> before, java.util.Map<Long, Long> after) {
        long ticks = 0;
        for (java.util.Map.Entry<Long, Long> process : after.entrySet()) {
            ticks += process.getValue() - before.getOrDefault(process.getKey(), 0L);
        }
        return ticks;
    }

    private static void program(URI base, String key, boolean enabled) throws Exception {
        try (HttpConnection connection = new HttpConnection(base)) {
            int status = connection.exchange(HttpConnection.encode(
                    "PUT", base, "/api/v1/loyalty/program", key, "application/json", PROGRAM.formatted(enabled)));
            if (status != 200) {
                throw new IllegalStateException("saving the program answered " + status);
            }
        }
    }

    private static double median(List<double[]> values, int index) {
        double[] sorted = values.stream().mapToDouble(v -> v[index]).sorted().toArray();
        return sorted.length == 0
                ? 0
                : sorted.length % 2 == 1
                        ? sorted[sorted.length / 2]
                        : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
