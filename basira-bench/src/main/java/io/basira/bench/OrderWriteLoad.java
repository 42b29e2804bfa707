package io.basira.bench;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Closed-loop write load against a running Basira: {@code --connections} workers each post orders
 * ({@code POST /api/v1/orders}, one JSON order, a new order id each time, for one of 1,000 customers
 * that the run creates first) back to back for {@code --seconds}, after a warm-up. Reports orders/s
 * and the latency quantiles of the write: what the write path costs end to end (records, coupon
 * participant, cards, the outbox, the groups following the write before the response).
 *
 * <p>Side by side: run it against the same server built from two commits (e.g. main and a branch), on
 * the same database kind, each on a fresh data folder or schema.
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.OrderWriteLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/key.txt --connections 4 --seconds 30 --warmup 10
 * </pre>
 */
public final class OrderWriteLoad {

    public static void main(String[] args) throws Exception {
        URI base = URI.create(option(args, "--base", "http://127.0.0.1:8091"));
        String key = Files.readString(Path.of(option(args, "--key-file", "/tmp/basira-load/key.txt"))).strip();
        int connections = Integer.parseInt(option(args, "--connections", "4"));
        int seconds = Integer.parseInt(option(args, "--seconds", "30"));
        int warmup = Integer.parseInt(option(args, "--warmup", "10"));
        String run = Long.toString(System.nanoTime(), 36);
        HttpConnection setUp = new HttpConnection(base);
        for (int c = 0; c < 1000; c++) {
            if (!setUp.reusable()) {
                setUp.close();
                setUp = new HttpConnection(base);
            }
            setUp.exchange(HttpConnection.encode("POST", base, "/api/v1/customers", key,
                    "{\"customer_id\":\"W" + c + "\",\"created_at\":\"2024-01-01\"}"));
        }
        setUp.close();
        measure(base, key, connections, warmup, run + "w");
        LatencySamples samples = measure(base, key, connections, seconds, run);
        System.out.printf(Locale.ROOT, "%d connections, %d s: %d orders (%d errors), %.0f orders/s; p50 %.2f ms, "
                + "p90 %.2f ms, p99 %.2f ms, max %.2f ms%n", connections, seconds, samples.count(), samples.errors(),
                samples.count() / (double) seconds, samples.quantile(0.5) / 1e6, samples.quantile(0.9) / 1e6,
                samples.quantile(0.99) / 1e6, samples.max() / 1e6);
    }

    private static LatencySamples measure(URI base, String key, int connections, int seconds, String run)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        LatencySamples[] perWorker = new LatencySamples[connections];
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int worker = w;
            LatencySamples samples = perWorker[w] = new LatencySamples(seconds * 2000);
            workers[w] = new Thread(() -> {
                try {
                    HttpConnection connection = new HttpConnection(base);
                    for (int i = 0; !stop.get(); i++) {
                        if (!connection.reusable()) {                   // the server closes after N requests
                            connection.close();
                            connection = new HttpConnection(base);
                        }
                        String body = "{\"order_id\":\"" + run + "-" + worker + "-" + i + "\",\"customer_id\":\"W"
                                + ((i * connections + worker) % 1000) + "\",\"status\":\"completed\",\"total\":\"150.00\","
                                + "\"created_at\":\"2024-05-30T10:00:00+03:00\"}";
                        long start = System.nanoTime();
                        int status = connection.exchange(HttpConnection.encode("POST", base, "/api/v1/orders", key, body));
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
            }, "write-" + w);
            workers[w].start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        LatencySamples all = new LatencySamples(seconds * 2000 * connections);
        for (int w = 0; w < connections; w++) {
            workers[w].join();
            all.addAll(perWorker[w]);
        }
        return all;
    }

    private static String option(String[] args, String name, String fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return fallback;
    }
}
