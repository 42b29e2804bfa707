package io.basira.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sustained ingest of the tracking snippet's beacon (issue 15) next to a PostgreSQL {@code COPY} of the same
 * events, in one run. Against a running Basira (H2 or PostgreSQL): allows the origin {@code http://bench.example}
 * on the key's store, then {@code --senders} threads post beacons of {@code --per-request} events (a browser
 * sends 1; a batching proxy more) for {@code --seconds}. Printed: events accepted per second (204, or 202 from
 * servers before the beacon's filter), refusals
 * (503 queue full, 429 rate), the beacon's p50/p99/max response time, and the load average. The run is many
 * times longer than the server's queue can absorb (100,000 events), so the accepted rate over it is the rate
 * the writer sustains, within queue/seconds. Then the same events (the same generator) are written to a file
 * and loaded into a table with the columns and indexes of {@code browsing_events} by {@code psql \copy},
 * timed: events/s of a bare {@code COPY}. With {@code --rate N} the senders together offer N events/s at a steady
 * pace (each request due at its time, its response time counted from then), which shows whether that rate is
 * taken without refusals and with what p99.
 * <pre>
 * basira store create --slug bench --data /tmp/browsing-bench   # its API key into /tmp/browsing-bench/key.txt
 * BASIRA_BROWSING_ADDRESS_REQUESTS=100000000 basira serve --port 8120 --data /tmp/browsing-bench --no-demo
 * java -cp basira-bench/target/classes io.basira.bench.BrowsingIngestLoad --base http://127.0.0.1:8120 \
 *     --key-file /tmp/browsing-bench/key.txt --senders 8 --per-request 20 --seconds 30
 * </pre>
 */
public final class BrowsingIngestLoad {

    private static final Pattern SITE_KEY = Pattern.compile("\"site_key\"\\s*:\\s*\"([^\"]+)\"");
    private static final String ORIGIN = "http://bench.example";

    public static void main(String[] args) throws Exception {
        URI base = URI.create(OrderWriteLoad.option(args, "--base", "http://127.0.0.1:8120"));
        String key = Files.readString(Path.of(OrderWriteLoad.option(args, "--key-file", "/tmp/browsing-bench/key.txt")))
                .strip();
        int senders = Integer.parseInt(OrderWriteLoad.option(args, "--senders", "8"));
        int perRequest = Integer.parseInt(OrderWriteLoad.option(args, "--per-request", "20"));
        int seconds = Integer.parseInt(OrderWriteLoad.option(args, "--seconds", "30"));
        String psql = OrderWriteLoad.option(args, "--psql", "psql -h 127.0.0.1 -U root -d test");
        // events per second offered by all senders together; 0: each sender as fast as its answers come
        double rate = Double.parseDouble(OrderWriteLoad.option(args, "--rate", "0"));
        long interval = rate > 0 ? Math.round(1e9 * senders * perRequest / rate) : 0;
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String siteKey = site(http, base, key);

        AtomicLong accepted = new AtomicLong();
        AtomicLong full = new AtomicLong();
        AtomicLong limited = new AtomicLong();
        List<LatencySamples> samples = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        long started = System.nanoTime();
        long until = started + Duration.ofSeconds(seconds).toNanos();
        for (int s = 0; s < senders; s++) {
            LatencySamples mine = new LatencySamples(100_000);
            samples.add(mine);
            int sender = s;
            Thread thread = new Thread(() -> send(
                    base,
                    siteKey,
                    sender,
                    senders,
                    perRequest,
                    started,
                    interval,
                    until,
                    mine,
                    accepted,
                    full,
                    limited));
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        LatencySamples all = new LatencySamples(1);
        samples.forEach(all::addAll);
        String load = Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.printf(
                Locale.ROOT,
                "beacon: %d senders, %d events/request, %s, %.1f s: %,.0f events/s accepted "
                        + "(%,d events), %,d requests 503 (queue full), %,d 429; response p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "load average %s%n",
                senders,
                perRequest,
                rate > 0 ? String.format(Locale.ROOT, "offered %,.0f events/s", rate) : "closed loop",
                elapsed,
                accepted.get() / elapsed,
                accepted.get(),
                full.get(),
                limited.get(),
                all.quantile(0.50) / 1e6,
                all.quantile(0.99) / 1e6,
                all.max() / 1e6,
                load);

        long events = accepted.get();
        Path file = Files.createTempFile("browsing-copy", ".tsv");
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            Random random = new Random(15);
            for (long i = 0; i < events; i++) {
                String visitor = "visitor-" + random.nextInt(200_000);
                out.write("1\t" + visitor + "\tsession-" + random.nextInt(400_000) + "\t2026-12-06T10:00:00Z\t"
                        + "2026-12-06T10:00:00Z\tpage\t/p/" + random.nextInt(5_000) + "\t\\N\t\\N\t\\N\t\\N\n");
            }
        }
        Path sql = Files.createTempFile("browsing-copy", ".sql");
        Files.writeString(
                sql,
                "DROP TABLE IF EXISTS bench_browsing_events;\n"
                        + "CREATE TABLE bench_browsing_events (store_id BIGINT NOT NULL, visitor_id VARCHAR(64) NOT NULL, "
                        + "session_id VARCHAR(64) NOT NULL, occurred_at TIMESTAMPTZ NOT NULL, received_at TIMESTAMPTZ NOT NULL, "
                        + "kind VARCHAR(16) NOT NULL, path VARCHAR(500), product_id VARCHAR(128), category VARCHAR(100), "
                        + "search_query VARCHAR(200), customer_external_id VARCHAR(128));\n"
                        + "CREATE INDEX ON bench_browsing_events (store_id, visitor_id, occurred_at);\n"
                        + "CREATE INDEX ON bench_browsing_events (store_id, occurred_at);\n"
                        + "\\timing on\n\\copy bench_browsing_events FROM '" + file + "'\n"
                        + "DROP TABLE bench_browsing_events;\n");
        List<String> command = new ArrayList<>(List.of(psql.split(" ")));
        command.addAll(List.of("-v", "ON_ERROR_STOP=1", "-f", sql.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        Matcher time = Pattern.compile("COPY [0-9]+\\s+Time: ([0-9.]+) ms").matcher(output);
        if (!time.find()) {
            throw new IllegalStateException("psql did not time the COPY:\n" + output);
        }
        double copySeconds = Double.parseDouble(time.group(1)) / 1000;
        System.out.printf(
                Locale.ROOT,
                "PostgreSQL COPY of the same %,d events (two indexes): %.2f s, %,.0f events/s; " + "load average %s%n",
                events,
                copySeconds,
                events / copySeconds,
                Files.readString(Path.of("/proc/loadavg")).strip());
        Files.delete(file);
        Files.delete(sql);
    }

    /**
     * One sender: a persistent connection of its own ({@link HttpConnection}, so the generator's CPU goes to the
     * server rather than to a general-purpose client), posting beacons drawn from 1,000 encoded in advance.
     */
    private static void send(
            URI base,
            String siteKey,
            int sender,
            int senders,
            int perRequest,
            long started,
            long interval,
            long until,
            LatencySamples samples,
            AtomicLong accepted,
            AtomicLong full,
            AtomicLong limited) {
        Random random = new Random(sender);
        String path = "/b/collect?k=" + siteKey;
        java.util.Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("Origin", ORIGIN);
        headers.put("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0 Safari/537.36");
        headers.put("Content-Type", "text/plain;charset=UTF-8");
        byte[][] beacons = new byte[1_000][];
        for (int b = 0; b < beacons.length; b++) {
            StringBuilder body = new StringBuilder("{\"v\":\"visitor-")
                    .append(random.nextInt(200_000))
                    .append("\",\"s\":\"session-")
                    .append(random.nextInt(400_000))
                    .append("\",\"e\":[");
            for (int i = 0; i < perRequest; i++) {
                body.append(i == 0 ? "" : ",")
                        .append("{\"t\":\"page\",\"p\":\"/p/")
                        .append(random.nextInt(5_000))
                        .append("\"}");
            }
            body.append("]}");
            beacons[b] = HttpConnection.encode("POST", base, path, headers, body.toString());
        }
        HttpConnection connection = null;
        // with a rate, request n of this sender is due at started + offset + n * interval, and its time is counted
        // from then (a late answer delays the next requests, and their wait counts: no coordinated omission)
        long offset = interval * sender / senders;
        for (int n = 0; System.nanoTime() < until; n++) {
            long start = System.nanoTime();
            if (interval > 0) {
                long due = started + offset + n * interval;
                if (due >= until) {
                    break;
                }
                long wait = due - start;
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                start = due;
            }
            try {
                if (connection == null || !connection.reusable()) {
                    if (connection != null) {
                        connection.close();
                    }
                    connection = new HttpConnection(base);
                }
                int status = connection.exchange(beacons[n % beacons.length]);
                samples.record(System.nanoTime() - start);
                if (status == 204 || status == 202) { // 204: all queued, no body (202 before)
                    accepted.addAndGet(perRequest);
                } else if (status == 503) {
                    full.incrementAndGet();
                    Thread.sleep(50);
                } else if (status == 429) {
                    limited.incrementAndGet();
                    Thread.sleep(50);
                } else {
                    throw new IllegalStateException("the beacon answered " + status);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (java.io.IOException e) {
                samples.error();
                connection = null;
            }
        }
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (java.io.IOException ignored) {
            // the run is over
        }
    }

    private static String site(HttpClient http, URI base, String key) throws Exception {
        HttpRequest put = HttpRequest.newBuilder(base.resolve("/api/v1/browsing/site"))
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"allowed_origins\":[\"" + ORIGIN + "\"],"
                        + "\"consent_required\":false,\"honour_dnt\":false,\"retention_months\":13}"))
                .build();
        HttpResponse<String> answer = http.send(put, HttpResponse.BodyHandlers.ofString());
        Matcher matcher = SITE_KEY.matcher(answer.body());
        if (answer.statusCode() != 200 || !matcher.find()) {
            throw new IllegalStateException(
                    "PUT /api/v1/browsing/site answered " + answer.statusCode() + ": " + answer.body());
        }
        return matcher.group(1);
    }
}
