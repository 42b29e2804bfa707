package io.basira.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Open-loop HTTP load against a running Basira: the checkout decision call and a trivial endpoint
 * of the same server ({@code GET /api/v1/store}: same API-key authentication, no work), in one run.
 *
 * <p>Open loop and free of coordinated omission: request i has an intended send time
 * {@code start + i / rate}, fixed before the run; the sender never waits for responses (asynchronous
 * HTTP/1.1 client), and a request's latency is measured from its <em>intended</em> send time to its
 * response. When the server (or the sender) falls behind, the queueing delay is counted, not hidden.
 * A late sender fires the missed requests at once, as a real population of clients would.
 *
 * <p>Phases, per endpoint in turn: warm-up at the rate (not recorded), then the measured phase at
 * the rate, then a peak phase: {@code --peak-connections} closed-loop workers sending back to back,
 * whose completed requests per second is the endpoint's peak throughput.
 *
 * <p>Run (the server from the built jar, loopback only; see docs/checkout.md):
 * <pre>
 * java -cp basira-bench/target/classes io.basira.bench.CheckoutLoad --base http://127.0.0.1:8091 \
 *     --key-file /tmp/basira-load/demo-api-key.txt --rate 2000 --seconds 20 --warmup 10 --peak-seconds 10
 * </pre>
 */
public final class CheckoutLoad {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    CheckoutLoad(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        Options o = Options.parse(args);
        CheckoutLoad load = new CheckoutLoad(o.base, Files.readString(Path.of(o.keyFile)).strip());
        load.setUp();
        IntFunction<HttpRequest> trivial = i -> load.request("/api/v1/store").GET().build();
        IntFunction<HttpRequest> decision = i -> load.request("/api/v1/checkout/decisions")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(decisionBody(i), StandardCharsets.UTF_8)).build();
        System.out.printf(Locale.ROOT, "open loop at %d requests/s, %d s measured after %d s warm-up; peak with %d "
                + "connections for %d s%n", o.rate, o.seconds, o.warmup, o.peakConnections, o.peakSeconds);
        System.out.println("endpoint                         sent   errors  p50 ms  p90 ms  p99 ms p99.9 ms  max ms  peak req/s");
        for (String[] phase : new String[][] {{"GET /api/v1/store", "t"}, {"POST /api/v1/checkout/decisions", "d"}}) {
            IntFunction<HttpRequest> requests = phase[1].equals("t") ? trivial : decision;
            load.openLoop(requests, o.rate, o.warmup);
            LatencySamples samples = load.openLoop(requests, o.rate, o.seconds);
            double peak = load.peak(requests, o.peakConnections, o.peakSeconds);
            System.out.printf(Locale.ROOT, "%-32s %6d %8d %7.2f %7.2f %7.2f %8.2f %7.2f %11.0f%n", phase[0],
                    samples.count() + samples.errors(), samples.errors(), ms(samples.quantile(0.5)),
                    ms(samples.quantile(0.9)), ms(samples.quantile(0.99)), ms(samples.quantile(0.999)),
                    ms(samples.max()), peak);
        }
    }

    /** A cart of three lines for one of 1,000 customers, with the bench coupon on every fourth. */
    static String decisionBody(int i) {
        return "{\"customer_id\":\"C" + (100000 + i % 1000) + "\"," + (i % 4 == 0 ? "\"coupon_code\":\"BENCH10\"," : "")
                + "\"shipping_fee\":\"25.00\",\"items\":[{\"product_id\":\"P1\",\"quantity\":2,\"unit_price\":\"149.50\"},"
                + "{\"product_id\":\"P2\",\"quantity\":3,\"unit_price\":\"20.00\"},{\"product_id\":\"P3\",\"quantity\":1,"
                + "\"unit_price\":\"310.25\"}]}";
    }

    /** Policies of every kind and one coupon, so the decision does all of its work. Idempotent enough for reruns. */
    void setUp() throws Exception {
        String[] policies = {
            "{\"name\":\"No COD for non-serious\",\"kind\":\"hide_payment_methods\",\"methods\":[\"cod\",\"bank_transfer\"],\"groups\":{\"any_of\":[\"non-serious\"]}}",
            "{\"name\":\"No bank transfer\",\"kind\":\"hide_payment_methods\",\"methods\":[\"bank_transfer\"]}",
            "{\"name\":\"Free above 500\",\"kind\":\"free_shipping\",\"minimum_total\":\"500.00\"}",
            "{\"name\":\"More carriers\",\"kind\":\"offer_carriers\",\"carriers\":[\"spl\"],\"groups\":{\"none_of\":[\"non-serious\"]}}",
            "{\"name\":\"10% above 300\",\"kind\":\"percent_off\",\"percent\":10,\"minimum_total\":\"300.00\"}",
            "{\"name\":\"50 off above 600\",\"kind\":\"amount_off\",\"amount\":\"50.00\",\"minimum_total\":\"600.00\"}",
            "{\"name\":\"Buy 2 get 1\",\"kind\":\"buy_x_get_y\",\"buy\":2,\"get\":1,\"products\":[\"P2\"]}"};
        for (String policy : policies) {
            send(request("/api/v1/checkout/policies").header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(policy)).build());
        }
        send(request("/api/v1/checkout/coupons").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers
                .ofString("{\"code\":\"BENCH10\",\"benefit\":\"percent_off\",\"percent\":10,\"maximum_discount\":\"40.00\","
                        + "\"per_customer_limit\":5}")).build());
    }

    private void send(HttpRequest request) throws Exception {
        http.send(request, HttpResponse.BodyHandlers.discarding());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key);
    }

    /** Sends {@code rate × seconds} requests at their intended times; latencies from those times. */
    LatencySamples openLoop(IntFunction<HttpRequest> requests, int rate, int seconds) throws InterruptedException {
        int total = rate * seconds;
        LatencySamples samples = new LatencySamples(total);
        CountDownLatch done = new CountDownLatch(total);
        double periodNanos = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + (long) (i * periodNanos);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            http.sendAsync(requests.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                long latency = System.nanoTime() - intended;
                synchronized (samples) {
                    if (failure != null || response.statusCode() != 200) {
                        samples.error();
                    } else {
                        samples.record(latency);
                    }
                }
                done.countDown();
            });
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            System.out.println("warning: responses still missing 60 s after the last send");
        }
        return samples;
    }

    /** Completed requests per second with {@code connections} workers each sending back to back. */
    double peak(IntFunction<HttpRequest> requests, int connections, int seconds) throws InterruptedException {
        AtomicLong completed = new AtomicLong();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        Thread[] workers = new Thread[connections];
        for (int w = 0; w < connections; w++) {
            int worker = w;
            workers[w] = new Thread(() -> {
                int i = worker;
                while (System.nanoTime() < end) {
                    try {
                        if (http.send(requests.apply(i), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            completed.incrementAndGet();
                        }
                    } catch (Exception e) {
                        return;
                    }
                    i += connections;
                }
            });
            workers[w].start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return completed.get() / (double) seconds;
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
        int peakConnections = 16;

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
                    case "--peak-connections" -> o.peakConnections = Integer.parseInt(value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            return o;
        }
    }
}
