package io.basira.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reliability and speed of incoming webhooks against a running Basira (issue 13): registers a Salla source
 * for the key's store, then sends {@code --events} signed Salla order webhooks from {@code --senders}
 * concurrent connections — each order in three versions (under_review, in_progress, completed, each with its
 * own total and a later {@code created_at}), 10 % of the events sent a second time, 5 % out of order (a later
 * version sent before an earlier one) — and checks at the end that every acknowledged event was stored once
 * and applied or found stale exactly once (inbox counts), nothing is left received or parked, and every
 * customer's card (order count, total spent) equals a recomputation from the newest version of each order.
 * Prints events/s and the latency quantiles of the acknowledgement (which includes applying the event: the
 * outbox delivers on the request's thread after the commit). Exit code 1 when a check fails.
 * <pre>
 * basira store create --slug bench --data /tmp/wh-bench   # prints the API key: put it in /tmp/wh-bench/key.txt
 * BASIRA_WEBHOOKS_ADDRESS_ATTEMPTS=10000000 basira serve --port 8093 --data /tmp/wh-bench --no-demo
 * java -cp basira-bench/target/classes io.basira.bench.WebhookReliability --base http://127.0.0.1:8093 \
 *     --key-file /tmp/wh-bench/key.txt --events 2000 --senders 8
 * </pre>
 * A sender resends an event until it is acknowledged (for up to 3 minutes), as the platforms retry: kill the
 * server with SIGKILL during a run and start it again, and the run still ends with every check passing (what
 * was acknowledged is stored; what was stored and not yet applied is applied by the outbox's catch-up).
 */
public final class WebhookReliability {

    private static final String[] STATUSES = {"under_review", "in_progress", "completed"};
    /** How long a sender keeps resending one event that is not acknowledged (a server restart takes ~40 s here). */
    private static final long RETRY_FOR_NANOS = 180_000_000_000L;
    /** Resends of events not acknowledged (refused, or the connection broke: the server was killed). */
    private static final AtomicInteger retries = new AtomicInteger();

    /** One delivery: the body and its signature. @param order the order's index @param version 1..3 */
    record Event(int order, int version, byte[] body, String signature) {}

    public static void main(String[] args) throws Exception {
        URI base = URI.create(option(args, "--base", "http://127.0.0.1:8093"));
        String key = Files.readString(Path.of(option(args, "--key-file", "/tmp/wh-bench/key.txt")))
                .strip();
        int events = Integer.parseInt(option(args, "--events", "2000"));
        int senders = Integer.parseInt(option(args, "--senders", "8"));
        int customers = Integer.parseInt(option(args, "--customers", "100"));
        long seed = Long.parseLong(option(args, "--seed", "13"));
        String run = Long.toString(System.nanoTime(), 36);
        String secret = "bench-" + run;
        String path = register(base, key, secret);
        int orders = Math.max(1, (int) Math.round(events / 1.1 / 3));
        List<Event> plan = plan(run, orders, customers, secret, new Random(seed));
        Map<String, Long> before = counts(get(base, key, "/api/v1/inbox?state=received"));
        long started = System.nanoTime();
        LatencySamples samples = send(base, path, plan, senders);
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "%d webhooks (%d distinct events, %d orders) from %d senders in %.1f s: %.0f events/s,"
                        + " %d not acknowledged, " + retries.get()
                        + " resent; p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                samples.count() + samples.errors(),
                orders * 3,
                orders,
                senders,
                seconds,
                (samples.count() + samples.errors()) / seconds,
                samples.errors(),
                samples.quantile(0.5) / 1e6,
                samples.quantile(0.9) / 1e6,
                samples.quantile(0.99) / 1e6,
                samples.max() / 1e6);
        boolean ok = samples.errors() == 0 & verify(base, key, run, orders, customers, before);
        System.out.println(
                ok
                        ? "every acknowledged event applied exactly once; every card equals the recomputation"
                        : "CHECK FAILED");
        System.exit(ok ? 0 : 1);
    }

    /** Each order's three versions, version by version; 5 % moved out of order, 10 % sent again later. */
    static List<Event> plan(String run, int orders, int customers, String secret, Random random) {
        List<Event> plan = new ArrayList<>();
        for (int version = 1; version <= 3; version++) {
            for (int order = 0; order < orders; order++) {
                byte[] body = body(run, order, version, customers).getBytes(StandardCharsets.UTF_8);
                plan.add(new Event(order, version, body, HexFormat.of().formatHex(hmac(secret, body))));
            }
        }
        int distinct = plan.size();
        for (int swap = 0; swap < distinct / 20; swap++) { // a later version before an earlier one
            int order = random.nextInt(orders);
            Collections.swap(plan, orders + order, 2 * orders + order);
        }
        for (int again = 0; again < distinct / 10; again++) { // a redelivery, somewhere later
            int original = random.nextInt(distinct);
            plan.add(original + 1 + random.nextInt(plan.size() - original), plan.get(original));
        }
        return plan;
    }

    static String body(String run, int order, int version, int customers) {
        String total = total(order, version).toPlainString();
        return "{\"event\":\"order.updated\",\"merchant\":1,\"created_at\":\"2024-05-01T10:0" + version + ":00+03:00\","
                + "\"data\":{\"id\":\"" + run + "-" + order + "\",\"date\":{\"date\":\"2024-05-01 09:00:00.000000\","
                + "\"timezone\":\"Asia/Riyadh\"},\"status\":{\"slug\":\"" + STATUSES[version - 1] + "\"},"
                + "\"payment_method\":\"mada\",\"amounts\":{\"total\":{\"amount\":" + total + ",\"currency\":\"SAR\"}},"
                + "\"customer\":{\"id\":\"" + run + "-c" + (order % customers) + "\",\"first_name\":\"عميل\","
                + "\"mobile\":\"555" + (order % customers) + "\",\"mobile_code\":\"+966\"},"
                + "\"items\":[{\"quantity\":1,\"amounts\":{\"price_without_tax\":{\"amount\":" + total
                + ",\"currency\":"
                + "\"SAR\"}},\"product\":{\"id\":\"p" + (order % 20) + "\"}}]}}";
    }

    static BigDecimal total(int order, int version) {
        return BigDecimal.valueOf(1000 + (order % 50) * 100 + version * 25L, 2);
    }

    private static LatencySamples send(URI base, String path, List<Event> plan, int senders)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        LatencySamples[] perSender = new LatencySamples[senders];
        Thread[] threads = new Thread[senders];
        for (int s = 0; s < senders; s++) {
            LatencySamples samples = perSender[s] = new LatencySamples(plan.size() / senders + 16);
            threads[s] = new Thread(
                    () -> {
                        HttpConnection connection = null;
                        for (int i = next.getAndIncrement(); i < plan.size(); i = next.getAndIncrement()) {
                            Event event = plan.get(i);
                            long deadline = System.nanoTime() + RETRY_FOR_NANOS;
                            while (true) { // as a platform does: again until acknowledged
                                long start = System.nanoTime();
                                int status;
                                try {
                                    if (connection == null || !connection.reusable()) {
                                        close(connection);
                                        connection = new HttpConnection(base);
                                    }
                                    status = connection.exchange(request(base, path, event));
                                } catch (IOException e) { // the server went away (killed): reconnect, resend
                                    close(connection);
                                    connection = null;
                                    status = -1;
                                }
                                if (status == 200) {
                                    samples.record(System.nanoTime() - start);
                                    break;
                                }
                                if (System.nanoTime() > deadline) {
                                    samples.error();
                                    break;
                                }
                                retries.incrementAndGet();
                                pause(200);
                            }
                        }
                        close(connection);
                    },
                    "sender-" + s);
            threads[s].start();
        }
        LatencySamples all = new LatencySamples(plan.size());
        for (int s = 0; s < senders; s++) {
            threads[s].join();
            all.addAll(perSender[s]);
        }
        return all;
    }

    private static void close(HttpConnection connection) {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (IOException e) {
            // closing a dead connection
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] request(URI base, String path, Event event) {
        String head = "POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nX-Salla-Security-Strategy: Signature\r\nX-Salla-Signature: "
                + event.signature() + "\r\nContent-Length: " + event.body().length + "\r\n\r\n";
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[headBytes.length + event.body().length];
        System.arraycopy(headBytes, 0, request, 0, headBytes.length);
        System.arraycopy(event.body(), 0, request, headBytes.length, event.body().length);
        return request;
    }

    /**
     * Waits until the inbox holds nothing received, then checks it (this run's events: the counts' growth since
     * {@code before}) and every customer's card.
     */
    private static boolean verify(URI base, String key, String run, int orders, int customers, Map<String, Long> before)
            throws Exception {
        Map<String, Long> counts = Map.of();
        for (int wait = 0; wait < 120; wait++) {
            counts = counts(get(base, key, "/api/v1/inbox?state=received"));
            if (counts.getOrDefault("received", 0L) == 0) {
                break;
            }
            Thread.sleep(500);
        }
        long applied = counts.getOrDefault("applied", 0L) - before.getOrDefault("applied", 0L);
        long stale = counts.getOrDefault("stale", 0L) - before.getOrDefault("stale", 0L);
        System.out.printf(
                Locale.ROOT,
                "inbox, this run: %d applied, %d stale (distinct events sent: %d); the store's: %s%n",
                applied,
                stale,
                orders * 3L,
                counts);
        boolean ok = applied + stale == orders * 3L
                && counts.getOrDefault("received", 0L) == 0
                && counts.getOrDefault("parked", 0L) == before.getOrDefault("parked", 0L);
        int wrongCards = 0;
        for (int c = 0; c < customers && c < orders; c++) {
            long count = 0;
            BigDecimal spent = BigDecimal.ZERO;
            for (int order = c; order < orders; order += customers) {
                count++;
                spent = spent.add(total(order, 3));
            }
            String card = get(base, key, "/api/v1/customers/" + run + "-c" + c);
            long cardCount = Long.parseLong(find(card, "\"order_count\":(\\d+)"));
            BigDecimal cardSpent = new BigDecimal(find(card, "\"total_spent\":([0-9.]+)"));
            if (cardCount != count || cardSpent.compareTo(spent) != 0) {
                wrongCards++;
                System.out.printf(
                        Locale.ROOT,
                        "customer c%d: card %d orders %s, recomputed %d orders %s%n",
                        c,
                        cardCount,
                        cardSpent,
                        count,
                        spent);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "cards checked: %d, differing from the recomputation: %d%n",
                Math.min(customers, orders),
                wrongCards);
        return ok && wrongCards == 0;
    }

    private static Map<String, Long> counts(String inbox) {
        Map<String, Long> counts = new TreeMap<>();
        Matcher m = Pattern.compile("\"(received|applied|ignored|stale|parked)\":(\\d+)")
                .matcher(find(inbox, "\"counts\":(\\{[^}]*\\})"));
        while (m.find()) {
            counts.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return counts;
    }

    private static String register(URI base, String key, String secret) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve("/api/v1/sources"))
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"platform\":\"salla\",\"secret\":\"" + secret + "\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(
                    "registering the source failed: " + response.statusCode() + " " + response.body());
        }
        return find(response.body(), "\"webhook_path\":\"([^\"]+)\"");
    }

    private static String get(URI base, String key, String path) throws Exception {
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(base.resolve(path))
                                .header("Authorization", "Bearer " + key)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
    }

    private static String find(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("'" + regex + "' not found in " + text);
        }
        return m.group(1);
    }

    static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
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
