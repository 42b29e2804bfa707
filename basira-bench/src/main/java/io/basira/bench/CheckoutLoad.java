package io.basira.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop HTTP load against a running Basira: the checkout decision call and a trivial endpoint
 * of the same server ({@code GET /api/v1/store}: same API-key authentication, no work), in one run.
 *
 * <p>Open loop and free of coordinated omission, in the manner of wrk2: request i has an intended
 * send time {@code start + i / rate}, fixed before the run; a dispatcher releases it at that time to
 * a queue served by {@code --connections} persistent connections, and its latency is measured from
 * its <em>intended</em> send time to the end of its response. When the server falls behind, the time
 * requests wait (in the queue or on the wire) is counted, not hidden by sending less.
 *
 * <p>Phases: a warm-up of each endpoint at the rate (not recorded); then {@code --rounds} rounds,
 * each a slice of the trivial endpoint then a slice of the decision at the rate, so that both meet
 * the same background conditions (the machine is shared); then a peak phase per endpoint in which
 * every connection sends back to back, whose completed requests per second is its peak throughput.
 *
 * <p>Run (the server from the built jar, loopback only; see docs/checkout.md):
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.CheckoutLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/demo-api-key.txt --rate 2000 --seconds 20 --warmup 10 --peak-seconds 10
 * </pre>
 */
public final class CheckoutLoad {

    private static final long NO_MORE = Long.MIN_VALUE;

    private final URI base;
    private final String key;
    private final int connections;

    CheckoutLoad(URI base, String key, int connections) {
        this.base = base;
        this.key = key;
        this.connections = connections;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        CheckoutLoad load = new CheckoutLoad(
                URI.create(o.base), Files.readString(Path.of(o.keyFile)).strip(), o.connections);
        load.setUp();
        byte[] store = HttpConnection.encode("GET", load.base, "/api/v1/store", load.key, null);
        byte[][] decisions = new byte[1000][];
        for (int i = 0; i < decisions.length; i++) {
            decisions[i] =
                    HttpConnection.encode("POST", load.base, "/api/v1/checkout/decisions", load.key, decisionBody(i));
        }
        IntFunction<byte[]> trivial = i -> store;
        IntFunction<byte[]> decision = i -> decisions[i % decisions.length];
        System.out.printf(
                Locale.ROOT,
                "open loop at %d requests/s over %d connections; %d s per endpoint measured in "
                        + "%d alternating rounds after %d s warm-up each; peak for %d s%n",
                o.rate,
                o.connections,
                o.seconds,
                o.rounds,
                o.warmup,
                o.peakSeconds);
        load.openLoop(trivial, o.rate, o.warmup);
        load.openLoop(decision, o.rate, o.warmup);
        LatencySamples trivialSamples = new LatencySamples(o.rate * o.seconds);
        LatencySamples decisionSamples = new LatencySamples(o.rate * o.seconds);
        int perRound = Math.max(1, o.seconds / o.rounds);
        for (int round = 0; round < o.rounds; round++) {
            LatencySamples trivialRound = load.openLoop(trivial, o.rate, perRound);
            LatencySamples decisionRound = load.openLoop(decision, o.rate, perRound);
            // each round's tail, to tell a run-wide difference from one disturbed round (a refresh, a compile)
            System.out.printf(
                    Locale.ROOT,
                    "round %2d at %s: p99 trivial %.2f ms, decision %.2f ms; max %.2f / %.2f ms%n",
                    round + 1,
                    LocalTime.now().withNano(0),
                    ms(trivialRound.quantile(0.99)),
                    ms(decisionRound.quantile(0.99)),
                    ms(trivialRound.max()),
                    ms(decisionRound.max()));
            trivialSamples.addAll(trivialRound);
            decisionSamples.addAll(decisionRound);
        }
        double trivialPeak = load.peak(trivial, o.peakSeconds);
        double decisionPeak = load.peak(decision, o.peakSeconds);
        System.out.println(
                "endpoint                          sent  errors  p50 ms  p90 ms  p99 ms p99.9 ms  max ms  peak req/s");
        report("GET /api/v1/store", trivialSamples, trivialPeak);
        report("POST /api/v1/checkout/decisions", decisionSamples, decisionPeak);
        System.out.printf(
                Locale.ROOT,
                "decision p99 / trivial p99 = %.2f (target <= 1.5); decision peak / trivial peak = "
                        + "%.2f (target >= 0.5)%n",
                decisionSamples.quantile(0.99) / (double) trivialSamples.quantile(0.99),
                decisionPeak / trivialPeak);
    }

    private static void report(String name, LatencySamples s, double peak) {
        System.out.printf(
                Locale.ROOT,
                "%-32s %6d %7d %7.2f %7.2f %7.2f %8.2f %7.2f %11.0f%n",
                name,
                s.count() + s.errors(),
                s.errors(),
                ms(s.quantile(0.5)),
                ms(s.quantile(0.9)),
                ms(s.quantile(0.99)),
                ms(s.quantile(0.999)),
                ms(s.max()),
                peak);
    }

    /** A cart of three lines for one of 1,000 customers, with the bench coupon on every fourth. */
    static String decisionBody(int i) {
        return "{\"customer_id\":\"C" + (100000 + i % 1000) + "\"," + (i % 4 == 0 ? "\"coupon_code\":\"BENCH10\"," : "")
                + "\"shipping_fee\":\"25.00\",\"items\":[{\"product_id\":\"P1\",\"quantity\":2,\"unit_price\":\"149.50\"},"
                + "{\"product_id\":\"P2\",\"quantity\":3,\"unit_price\":\"20.00\"},{\"product_id\":\"P3\",\"quantity\":1,"
                + "\"unit_price\":\"310.25\"}]}";
    }

    /** A program with two tiers and rewards, so a decision has its loyalty part (docs/loyalty.md). */
    static final String LOYALTY_PROGRAM =
            "{\"enabled\":true,\"starts_at\":\"2024-01-01T00:00:00+03:00\",\"earn_points\":1,"
                    + "\"earn_per\":\"1.00\",\"pending_days\":0,\"tier_basis\":\"spend_12m\",\"tiers\":["
                    + "{\"name\":\"bronze\",\"threshold\":\"0\"},{\"name\":\"gold\",\"threshold\":\"1000.00\","
                    + "\"multiplier\":\"1.5\",\"free_shipping\":true}],\"expiry_months\":12,\"expiry_warning_days\":7,"
                    + "\"redeem_points\":100,\"redeem_value\":\"10.00\",\"free_shipping_points\":300}";

    /** Policies of every kind, one coupon and a loyalty program, so the decision does all of its work. */
    void setUp() throws IOException {
        String[] policies = {
            "{\"name\":\"No COD for non-serious\",\"kind\":\"hide_payment_methods\",\"methods\":[\"cod\",\"bank_transfer\"],\"groups\":{\"any_of\":[\"non-serious\"]}}",
            "{\"name\":\"No bank transfer\",\"kind\":\"hide_payment_methods\",\"methods\":[\"bank_transfer\"]}",
            "{\"name\":\"Free above 500\",\"kind\":\"free_shipping\",\"minimum_total\":\"500.00\"}",
            "{\"name\":\"More carriers\",\"kind\":\"offer_carriers\",\"carriers\":[\"spl\"],\"groups\":{\"none_of\":[\"non-serious\"]}}",
            "{\"name\":\"10% above 300\",\"kind\":\"percent_off\",\"percent\":10,\"minimum_total\":\"300.00\"}",
            "{\"name\":\"50 off above 600\",\"kind\":\"amount_off\",\"amount\":\"50.00\",\"minimum_total\":\"600.00\"}",
            "{\"name\":\"Buy 2 get 1\",\"kind\":\"buy_x_get_y\",\"buy\":2,\"get\":1,\"products\":[\"P2\"]}"
        };
        try (HttpConnection connection = new HttpConnection(base)) {
            // a loyalty program, so each decision for a known customer also says their points (PUT: every run)
            connection.exchange(HttpConnection.encode("PUT", base, "/api/v1/loyalty/program", key, LOYALTY_PROGRAM));
            int created = connection.exchange(HttpConnection.encode(
                    "POST",
                    base,
                    "/api/v1/checkout/coupons",
                    key,
                    "{\"code\":\"BENCH10\",\"benefit\":\"percent_off\",\"percent\":10,\"maximum_discount\":\"40.00\","
                            + "\"per_customer_limit\":5}"));
            if (created != 201) {
                return; // set up by an earlier run: the coupon exists, so do the policies
            }
            for (String policy : policies) {
                connection.exchange(HttpConnection.encode("POST", base, "/api/v1/checkout/policies", key, policy));
            }
        }
    }

    /** Sends {@code rate × seconds} requests at their intended times; latencies from those times. */
    LatencySamples openLoop(IntFunction<byte[]> requests, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        BlockingQueue<long[]> due = new LinkedBlockingQueue<>();
        LatencySamples[] perWorker = new LatencySamples[connections];
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            LatencySamples samples = perWorker[w] = new LatencySamples(total / connections + 16);
            workers[w] = new Thread(() -> serve(due, requests, samples), "load-" + w);
            workers[w].start();
        }
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 20_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            due.add(new long[] {i, intended});
        }
        for (int w = 0; w < connections; w++) {
            due.add(new long[] {0, NO_MORE});
        }
        for (Thread worker : workers) {
            worker.join();
        }
        LatencySamples all = new LatencySamples(total);
        for (LatencySamples samples : perWorker) {
            all.addAll(samples);
        }
        return all;
    }

    private void serve(BlockingQueue<long[]> due, IntFunction<byte[]> requests, LatencySamples samples) {
        HttpConnection connection = null;
        try {
            for (long[] next = due.take(); next[1] != NO_MORE; next = due.take()) {
                try {
                    connection = connection == null ? new HttpConnection(base) : connection;
                    int status = connection.exchange(requests.apply((int) next[0]));
                    long latency = System.nanoTime() - next[1];
                    if (status == 200) {
                        samples.record(latency);
                    } else {
                        samples.error();
                    }
                    if (!connection.reusable()) {
                        closeQuietly(connection);
                        connection = null;
                    }
                } catch (IOException e) {
                    samples.error();
                    closeQuietly(connection);
                    connection = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
        }
    }

    /** Completed requests per second with every connection sending back to back. */
    double peak(IntFunction<byte[]> requests, int seconds) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int first = w;
            workers[w] = new Thread(() -> {
                HttpConnection connection = null;
                for (int i = first; System.nanoTime() < end; i += connections) {
                    try {
                        connection = connection == null ? new HttpConnection(base) : connection;
                        if (connection.exchange(requests.apply(i)) == 200) {
                            completed.incrementAndGet();
                        }
                        if (!connection.reusable()) {
                            closeQuietly(connection);
                            connection = null;
                        }
                    } catch (IOException e) {
                        closeQuietly(connection);
                        connection = null;
                    }
                }
                closeQuietly(connection);
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return completed.get() / (double) seconds;
    }

    private static void closeQuietly(HttpConnection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (IOException ignored) {
                // closing a broken connection: nothing left to do
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    /** Command-line options with their defaults. */
    private static final class Options {
        String base = "http://127.0.0.1:8091";
        String keyFile = "/tmp/basira-load/demo-api-key.txt";
        int rate = 2000;
        int seconds = 20;
        int warmup = 10;
        int peakSeconds = 10;
        int connections = 32;
        int rounds = 5;

        static Options parse(String[] args) {
            Options o = new Options();
            for (int i = 0; i + 1 < args.length; i += 2) {
                String value = args[i + 1];
                switch (args[i]) {
                    case "--base" -> o.base = value;
                    case "--key-file" -> o.keyFile = value;
                    case "--rate" -> o.rate = Integer.parseInt(value);
                    case "--seconds" -> o.seconds = Integer.parseInt(value);
                    case "--warmup" -> o.warmup = Integer.parseInt(value);
                    case "--peak-seconds" -> o.peakSeconds = Integer.parseInt(value);
                    case "--connections" -> o.connections = Integer.parseInt(value);
                    case "--rounds" -> o.rounds = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
