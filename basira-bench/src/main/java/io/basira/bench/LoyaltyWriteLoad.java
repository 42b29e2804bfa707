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
 * orders/s and, with {@code --server-pid}, the server's CPU per order of each side, their medians and the ratios.
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.LoyaltyWriteLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/demo-api-key.txt --connections 4 --seconds 20 --warmup 5 --rounds 4 \
 *     [--bulk 100] [--server-pid PID]
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
                OrderWriteLoad.Result result = OrderWriteLoad.measure(base, key, connections, seconds, tag, bulk);
                long cpuAfter = WriteSideBySide.cpuTicks(serverPid);
                double perSecond = result.ordersPerSecond(seconds);
                double cpuMs = result.orders() == 0 ? 0 : (cpuAfter - cpuBefore) * 10.0 / result.orders();
                (enabled ? on : off).add(new double[] {perSecond, cpuMs});
                System.out.printf(
                        Locale.ROOT,
                        "round %d, loyalty %s: %.0f orders/s, %d errors%s%n",
                        round,
                        enabled ? "on " : "off",
                        perSecond,
                        result.requests().errors(),
                        serverPid > 0 ? String.format(Locale.ROOT, ", server CPU %.3f ms/order", cpuMs) : "");
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
