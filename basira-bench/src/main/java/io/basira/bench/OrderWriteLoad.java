package io.basira.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop write load against a running Basira: {@code --connections} workers each post orders back to
 * back for {@code --seconds}, after a warm-up, for 1,000 customers ({@code W0} … {@code W999}) that the run
 * creates first. With {@code --bulk 0} (the default) each request is one JSON order
 * ({@code POST /api/v1/orders}); with {@code --bulk N}, N orders of N different customers in one NDJSON body
 * ({@code POST /api/v1/orders/bulk}). Every order is new (a fresh id), completed, 150.00 (99.00 in bulks).
 * Reports orders/s and the latency quantiles of a request: what the write path costs end to end (records,
 * coupon participant, cards, the outbox, the groups following the write before the response).
 *
 * <p>{@link WriteSideBySide} runs it next to {@code pgbench}. Alone:
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.OrderWriteLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/key.txt --connections 4 --seconds 30 --warmup 10 [--bulk 100]
 * </pre>
 */
public final class OrderWriteLoad {

    /** The customers every run writes for. */
    static final int CUSTOMERS = 1000;

    public static void main(String[] args) throws Exception {
        URI base = URI.create(option(args, "--base", "http://127.0.0.1:8091"));
        String key = Files.readString(Path.of(option(args, "--key-file", "/tmp/basira-load/key.txt")))
                .strip();
        int connections = Integer.parseInt(option(args, "--connections", "4"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        int warmup = Integer.parseInt(option(args, "--warmup", "10"));
        int bulk = Integer.parseInt(option(args, "--bulk", "0"));
        String run = Long.toString(System.nanoTime(), 36);
        createCustomers(base, key);
        measure(base, key, connections, warmup, run + "w", bulk);
        Result result = measure(base, key, connections, seconds, run, bulk);
        System.out.println(result.describe(connections, seconds, bulk));
    }

    /** Creates (or updates) the customers W0 … W999 in one NDJSON bulk. */
    static void createCustomers(URI base, String key) throws Exception {
        StringBuilder body = new StringBuilder();
        for (int c = 0; c < CUSTOMERS; c++) {
            body.append("{\"customer_id\":\"W").append(c).append("\",\"created_at\":\"2024-01-01\"}\n");
        }
        try (HttpConnection setUp = new HttpConnection(base)) {
            int status = setUp.exchange(HttpConnection.encode(
                    "POST", base, "/api/v1/customers/bulk", key, "application/x-ndjson", body.toString()));
            if (status != 200) {
                throw new IllegalStateException("creating the customers answered " + status);
            }
        }
    }

    /** Orders written in a measurement and the latencies of their requests. */
    record Result(long orders, LatencySamples requests) {

        double ordersPerSecond(int seconds) {
            return orders / (double) seconds;
        }

        String describe(int connections, int seconds, int bulk) {
            return String.format(
                    Locale.ROOT,
                    "%d connections, %s, %d s: %d orders (%d failed requests), %.0f orders/s; "
                            + "request p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
                    connections,
                    bulk == 0 ? "single orders" : "bulks of " + bulk,
                    seconds,
                    orders,
                    requests.errors(),
                    ordersPerSecond(seconds),
                    requests.quantile(0.5) / 1e6,
                    requests.quantile(0.9) / 1e6,
                    requests.quantile(0.99) / 1e6,
                    requests.max() / 1e6);
        }
    }

    static Result measure(URI base, String key, int connections, int seconds, String run, int bulk)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LatencySamples[] perWorker = new LatencySamples[connections];
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int worker = w;
            LatencySamples samples = perWorker[w] = new LatencySamples(seconds * 2000);
            workers[w] = new Thread(
                    () -> {
                        try {
                            HttpConnection connection = new HttpConnection(base);
                            for (int i = 0; !stop.get(); i++) {
                                if (!connection.reusable()) { // the server closes after N requests
                                    connection.close();
                                    connection = new HttpConnection(base);
                                }
                                byte[] request = bulk == 0
                                        ? HttpConnection.encode(
                                                "POST",
                                                base,
                                                "/api/v1/orders",
                                                key,
                                                order(
                                                        run + "-" + worker + "-" + i,
                                                        (i * connections + worker) % CUSTOMERS,
                                                        "150.00"))
                                        : HttpConnection.encode(
                                                "POST",
                                                base,
                                                "/api/v1/orders/bulk",
                                                key,
                                                "application/x-ndjson",
                                                bulkBody(
                                                        run + "-" + worker + "-" + i,
                                                        (i * connections + worker) * 37,
                                                        bulk));
                                long start = System.nanoTime();
                                int status = connection.exchange(request);
                                if (status == 200) {
                                    samples.record(System.nanoTime() - start);
                                } else {
                                    samples.error();
                                }
                            }
                            connection.close();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "write-" + w);
            workers[w].start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        LatencySamples all = new LatencySamples(seconds * 2000 * connections);
        for (int w = 0; w < connections; w++) {
            workers[w].join();
            all.addAll(perWorker[w]);
        }
        return new Result((long) all.count() * Math.max(1, bulk), all);
    }

    private static String order(String id, int customer, String total) {
        return "{\"order_id\":\"" + id + "\",\"customer_id\":\"W" + customer
                + "\",\"status\":\"completed\",\"total\":\"" + total
                + "\",\"created_at\":\"2024-05-30T10:00:00+03:00\"}";
    }

    /** {@code size} new orders of {@code size} consecutive customers from {@code firstCustomer}. */
    private static String bulkBody(String request, int firstCustomer, int size) {
        StringBuilder body = new StringBuilder(size * 140);
        for (int g = 0; g < size; g++) {
            body.append(order(request + "-" + g, Math.floorMod(firstCustomer + g, CUSTOMERS), "99.00"))
                    .append('\n');
        }
        return body.toString();
    }

    static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
