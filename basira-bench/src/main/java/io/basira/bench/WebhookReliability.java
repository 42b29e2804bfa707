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
 * Reliability and speed of incoming webhooks (issue 13): registers a Salla source for a store, then sends
 * {@code --events} signed Salla order webhooks from {@code --senders} concurrent connections — each order in
 * three versions (under_review, in_progress, completed, each with its own total and a later {@code created_at}),
 * 10 % of the events sent a second time, 5 % out of order (a later version sent before an earlier one) — and
 * checks at the end that every acknowledged event was stored once and applied or found stale exactly once (inbox
 * counts), nothing is left received or parked, and every customer's card (order count, total spent) equals a
 * recomputation from the newest version of each order. Prints the acknowledged events/s, the latency quantiles
 * of the acknowledgement (the durable store; the event is applied after it), the time until every event was
 * applied and the server's CPU time per webhook. Exit code 1 when a check fails.
 *
 * <p>With {@code --jar} the harness runs the server itself (a new store in a fresh {@code --data} folder, or on
 * {@code --db-url}), and {@code --kills K} kills it with SIGKILL K times, evenly over the run, and starts it
 * again each time; a sender resends an event until it is acknowledged (for up to a minute longer than a server
 * start may take), as the platforms retry. {@code --pgbench-db DB} then runs pgbench on that PostgreSQL database —
 * as many single-row
 * {@code INSERT ... ON CONFLICT DO NOTHING} transactions into a copy of the inbox table as webhooks were sent,
 * from as many clients as senders — and prints the ratio.
 * <pre>
 * ./mvnw -B -q -o -pl basira-core,basira-server -am package -DskipTests
 * javac -d /tmp/wh-cls basira-bench/src/main/java/io/basira/bench/{WebhookReliability,HttpConnection,LatencySamples,WriteSideBySide,OrderWriteLoad}.java
 * java -cp /tmp/wh-cls io.basira.bench.WebhookReliability --jar basira-server/target/basira-server.jar \
 *     --data /tmp/wh-h2 --events 10000 --senders 8 [--kills 3]
 * createdb -h 127.0.0.1 -U root wh_db
 * java -cp /tmp/wh-cls io.basira.bench.WebhookReliability --jar basira-server/target/basira-server.jar \
 *     --db-url jdbc:postgresql://127.0.0.1:5432/wh_db --db-user root --events 10000 --senders 8 --pgbench-db wh_db
 * </pre>
 * Against a server already running: {@code --base http://127.0.0.1:8093 --key-file key.txt} (no kills).
 * {@code --start-wait SECONDS} (default 300) is how long a start of the server may take before the run fails (the
 * server is then killed, not left running).
 */
public final class WebhookReliability {

    private static final String[] STATUSES = {"under_review", "in_progress", "completed"};
    /**
     * How long a sender keeps resending one event that is not acknowledged: a minute longer than a server start may
     * take ({@code --start-wait}), so a slow restart during {@code --kills} does not make the senders give up.
     */
    private static long retryForNanos() {
        return (START_WAIT_SECONDS + 60) * 1_000_000_000L;
    }
    /** Resends of events not acknowledged (refused, or the connection broke: the server was killed). */
    private static final AtomicInteger retries = new AtomicInteger();

    /** One delivery: the body and its signature. @param order the order's index @param version 1..3 */
    record Event(int order, int version, byte[] body, String signature) {}

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(option(args, "--port", "8093"));
        URI base = URI.create(option(args, "--base", "http://127.0.0.1:" + port));
        int events = Integer.parseInt(option(args, "--events", "2000"));
        int senders = Integer.parseInt(option(args, "--senders", "8"));
        int customers = Integer.parseInt(option(args, "--customers", "100"));
        long seed = Long.parseLong(option(args, "--seed", "13"));
        int kills = Integer.parseInt(option(args, "--kills", "0"));
        int applyWait = Integer.parseInt(option(args, "--apply-wait", "900"));
        START_WAIT_SECONDS = Long.parseLong(option(args, "--start-wait", "300"));
        String jar = option(args, "--jar", null);
        Server server = null;
        String key;
        if (jar != null) { // the harness runs the server itself (and can kill it)
            server = new Server(
                    jar, port, serverOptions(args), Path.of(option(args, "--log", "/tmp/webhook-bench.log")));
            key = server.createStore("wh" + Long.toString(System.nanoTime(), 36));
            server.start();
        } else {
            key = Files.readString(Path.of(option(args, "--key-file", "/tmp/wh-bench/key.txt")))
                    .strip();
            if (kills > 0) {
                throw new IllegalArgumentException("--kills needs --jar: the harness starts the server it kills");
            }
        }
        String run = Long.toString(System.nanoTime(), 36);
        String secret = "bench-" + run;
        String path = register(base, key, secret);
        int orders = Math.max(1, (int) Math.round(events / 1.1 / 3));
        List<Event> plan = plan(run, orders, customers, secret, new Random(seed));
        Map<String, Long> before = counts(get(base, key, "/api/v1/inbox?state=received"));
        AtomicInteger sent = new AtomicInteger();
        Thread killer = null;
        if (kills > 0) {
            Server killed = server;
            killer = new Thread(() -> killAndRestart(killed, kills, plan.size(), sent), "killer");
            killer.start();
        }
        long cpuBefore = server == null || kills > 0 ? 0 : WriteSideBySide.cpuTicks(server.pid());
        long started = System.nanoTime();
        LatencySamples samples = send(base, path, plan, senders, sent);
        long cpuSent = server == null || kills > 0 ? 0 : WriteSideBySide.cpuTicks(server.pid());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (killer != null) {
            killer.join();
        }
        System.out.printf(
                Locale.ROOT,
                "%d webhooks (%d distinct events, %d orders) from %d senders in %.1f s: %.0f events/s acknowledged,"
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
        boolean ok = samples.errors() == 0 & verify(base, key, run, orders, customers, before, started, applyWait);
        if (server != null && kills == 0) { // CPU time, which the machine's load inflates less than the rates
            long cpuApplied = WriteSideBySide.cpuTicks(server.pid());
            System.out.printf(
                    Locale.ROOT,
                    "server CPU per webhook: %.2f ms until acknowledged, %.2f ms until applied%n",
                    (cpuSent - cpuBefore) * 10.0 / plan.size(),
                    (cpuApplied - cpuBefore) * 10.0 / plan.size());
        }
        System.out.println(
                ok
                        ? "every acknowledged event applied exactly once; every card equals the recomputation"
                        : "CHECK FAILED");
        if (server != null) {
            server.stop();
        }
        String pgbenchDb = option(args, "--pgbench-db", null);
        if (pgbenchDb != null) {
            double pgbench = pgbench(args, pgbenchDb, senders, plan.size());
            System.out.printf(
                    Locale.ROOT,
                    "pgbench, INSERT ... ON CONFLICT DO NOTHING of one inbox row (~%d bytes) per transaction, %d clients:"
                            + " %.0f tps; webhooks acknowledged / pgbench = %.2f (target >= 0.8)%n",
                    plan.get(0).body().length,
                    senders,
                    pgbench,
                    (samples.count() + samples.errors()) / seconds / pgbench);
        }
        System.exit(ok ? 0 : 1);
    }

    /** The server's database options: {@code --db-url} and {@code --db-user} (PostgreSQL), else a fresh {@code --data} folder. */
    private static List<String> serverOptions(String[] args) throws IOException {
        String url = option(args, "--db-url", null);
        if (url != null) {
            return List.of("--db-url", url, "--db-user", option(args, "--db-user", "root"));
        }
        Path data = Path.of(option(args, "--data", "/tmp/webhook-bench-h2"));
        if (Files.exists(data.resolve("basira.mv.db"))) {
            throw new IllegalArgumentException(data + " holds a database already: give a new --data folder");
        }
        Files.createDirectories(data);
        return List.of("--data", data.toString());
    }

    /** Kills the server with SIGKILL {@code kills} times, evenly over the run, and starts it again each time. */
    private static void killAndRestart(Server server, int kills, int planned, AtomicInteger sent) {
        try {
            for (int k = 1; k <= kills; k++) {
                while (sent.get() < (long) planned * k / (kills + 1)) {
                    Thread.sleep(20);
                }
                long pid = server.kill();
                System.out.printf(
                        Locale.ROOT, "SIGKILL %d of %d: server %d killed after %d sent%n", k, kills, pid, sent.get());
                long restarting = System.nanoTime();
                server.start();
                System.out.printf(Locale.ROOT, "  started again in %.1f s%n", (System.nanoTime() - restarting) / 1e9);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the kill loop failed", e);
        }
    }

    /**
     * pgbench on the server's PostgreSQL: the same number of single-row transactions as webhooks sent, each an
     * {@code INSERT ... ON CONFLICT DO NOTHING} of one row as large as a webhook into a copy of the inbox table
     * (its columns, keys and indexes; a schema of its own, dropped after), from as many clients as senders.
     */
    private static double pgbench(String[] args, String database, int clients, int transactions) throws Exception {
        List<String> pg = List.of(
                "-h",
                option(args, "--pg-host", "127.0.0.1"),
                "-p",
                option(args, "--pg-port", "5432"),
                "-U",
                option(args, "--db-user", "root"));
        String schema = "webhook_pgbench";
        WriteSideBySide.psql(
                pg,
                database,
                "DROP SCHEMA IF EXISTS " + schema + " CASCADE; CREATE SCHEMA " + schema + "; CREATE TABLE " + schema
                        + ".webhook_inbox (LIKE public.webhook_inbox INCLUDING ALL);");
        Path script = Files.createTempFile("basira-pgbench-webhook", ".sql");
        Files.writeString(
                script,
                "\\set n random(1, 2000000000)\n"
                        + "INSERT INTO " + schema
                        + ".webhook_inbox (store_id, source_id, platform, event_key, topic, body,"
                        + " received_at, state) VALUES (1, 'src', 'salla', :client_id || '-' || :n, 'order.updated',"
                        + " repeat(md5(:n::text), 28), now(), 'received')"
                        + " ON CONFLICT (store_id, platform, event_key) DO NOTHING;\n");
        List<String> command = new ArrayList<>(List.of(
                option(args, "--pgbench", "pgbench"),
                "-n",
                "-M",
                "prepared",
                "-c",
                Integer.toString(clients),
                "-j",
                Integer.toString(Math.min(clients, 4)),
                "-t",
                Integer.toString(Math.max(1, transactions / clients)),
                "-f",
                script.toString()));
        command.addAll(pg);
        command.add(database);
        String output = WriteSideBySide.run(command, null);
        WriteSideBySide.psql(pg, database, "DROP SCHEMA " + schema + " CASCADE;");
        Files.deleteIfExists(script);
        Matcher tps = WriteSideBySide.TPS.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("pgbench said:\n" + output);
        }
        return Double.parseDouble(tps.group(1));
    }

    /** The server as a process of the harness: {@code java -jar} the server's jar, killed with SIGKILL. */
    /**
     * How long a server start may take ({@code --start-wait}, seconds): a minute or two on a quiet machine, over five
     * on 2 cores under a load average of 40.
     */
    private static long START_WAIT_SECONDS = 300;

    static final class Server {
        private final String jar;
        private final int port;
        private final List<String> database;
        private final Path log;
        private Process process;

        Server(String jar, int port, List<String> database, Path log) {
            this.jar = jar;
            this.port = port;
            this.database = database;
            this.log = log;
        }

        /** Creates a store and returns its API key. */
        String createStore(String slug) throws Exception {
            List<String> command = new ArrayList<>(List.of("java", "-jar", jar, "store", "create", "--slug", slug));
            command.addAll(database);
            return find(WriteSideBySide.run(command, null), "(bsk_\\S+)");
        }

        void start() throws Exception {
            List<String> command = new ArrayList<>(List.of("java"));
            String javaOptions = System.getProperty("server.java.options", "").strip();
            if (!javaOptions.isEmpty()) { // e.g. -Dserver.java.options=-XX:StartFlightRecording=...
                command.addAll(List.of(javaOptions.split("\\s+")));
            }
            command.addAll(List.of("-jar", jar, "serve", "--port", Integer.toString(port), "--no-demo"));
            command.addAll(database);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("BASIRA_WEBHOOKS_ADDRESS_ATTEMPTS", "100000000");
            process = builder.start();
            long deadline = System.nanoTime() + START_WAIT_SECONDS * 1_000_000_000L;
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the server stopped at start; see " + log);
                }
                try {
                    HttpResponse<Void> health = HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                            .build(),
                                    HttpResponse.BodyHandlers.discarding());
                    if (health.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            process.destroyForcibly(); // not left running behind the harness
            throw new IllegalStateException(
                    "the server did not start within " + START_WAIT_SECONDS + " s (--start-wait); see " + log);
        }

        long pid() {
            return process.pid();
        }

        /** SIGKILL (the JDK's forcible destroy on Linux), then waits for the process to be gone. */
        long kill() throws InterruptedException {
            long pid = process.pid();
            process.destroyForcibly();
            process.waitFor();
            return pid;
        }

        void stop() throws InterruptedException {
            process.destroy(); // SIGTERM: a clean stop
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
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

    private static LatencySamples send(URI base, String path, List<Event> plan, int senders, AtomicInteger sent)
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
                            long deadline = System.nanoTime() + retryForNanos();
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
                                    sent.incrementAndGet();
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
    private static boolean verify(
            URI base,
            String key,
            String run,
            int orders,
            int customers,
            Map<String, Long> before,
            long started,
            int waitSeconds)
            throws Exception {
        Map<String, Long> counts = Map.of();
        long deadline = System.nanoTime() + waitSeconds * 1_000_000_000L;
        while (true) {
            counts = counts(get(base, key, "/api/v1/inbox?state=received"));
            if (counts.getOrDefault("received", 0L) == 0 || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        System.out.printf(
                Locale.ROOT,
                "all applied %.1f s after the first send (%d still received)%n",
                (System.nanoTime() - started) / 1e9,
                counts.getOrDefault("received", 0L));
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
