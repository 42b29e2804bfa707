package io.basira.bench;

import io.basira.browsing.VisitorHash;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.*;
import java.time.*;
import java.util.*;

/**
 * The H2 writer's two index shapes side by side (docs/browsing.md, "The visitor hash (V280)"): the same batches of
 * 20,000 one-event beacons ({@code visitor-} and one of 200,000, as {@link BrowsingIngestLoad} sends them) appended
 * to two H2 files, alternating batch by batch so both run under the same load: {@code visitor}, the table of V60
 * with its index on store, visitor id and time, each batch sorted by visitor and time; {@code hash}, the table
 * after V280 with its index on store and visitor hash, sorted by hash. 50-row inserts, one commit per batch, as
 * the server's writer. Prints this thread's CPU per event for each, every 200,000 events of each.
 * <pre>
 * java -cp "basira-bench/target/classes:basira-core/target/classes:$HOME/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar" \
 *     io.basira.bench.BrowsingIndexSideBySide 60 /tmp/index-side-by-side
 * </pre>
 */
public final class BrowsingIndexSideBySide {
    static final String COLS =
            "store_id, visitor_id, visitor_hash, session_id, occurred_at, received_at, kind, path, product_id, category, search_query, customer_external_id";

    public static void main(String[] a) throws Exception {
        int batches = Integer.parseInt(a[0]);
        int batch = 20_000;
        String folder = a[1];
        Connection[] c = new Connection[2];
        String[] name = {"visitor", "hash"};
        for (int i = 0; i < 2; i++) {
            c[i] = DriverManager.getConnection(
                    "jdbc:h2:file:" + folder + "/db-" + name[i]
                            + ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;QUERY_CACHE_SIZE=256",
                    "sa",
                    "");
            try (Statement s = c[i].createStatement()) {
                s.execute("DROP TABLE IF EXISTS browsing_events");
                s.execute(
                        "CREATE TABLE browsing_events (store_id BIGINT NOT NULL, visitor_id VARCHAR(64) NOT NULL, visitor_hash BIGINT NOT NULL, session_id VARCHAR(64) NOT NULL, occurred_at TIMESTAMP WITH TIME ZONE NOT NULL, received_at TIMESTAMP WITH TIME ZONE NOT NULL, kind VARCHAR(16) NOT NULL, path VARCHAR(500), product_id VARCHAR(128), category VARCHAR(100), search_query VARCHAR(200), customer_external_id VARCHAR(128))");
                s.execute(
                        i == 0
                                ? "CREATE INDEX browsing_events_visitor ON browsing_events (store_id, visitor_id, occurred_at)"
                                : "CREATE INDEX browsing_events_visitor_hash ON browsing_events (store_id, visitor_hash)");
                s.execute("CREATE INDEX browsing_events_time ON browsing_events (store_id, occurred_at)");
            }
            c[i].setAutoCommit(false);
        }
        StringBuilder sql = new StringBuilder("INSERT INTO browsing_events (" + COLS + ") VALUES ");
        for (int r = 0; r < 50; r++) sql.append(r == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Random random = new Random(15);
        long[] cpu = new long[2];
        long[] rows = new long[2];
        OffsetDateTime t = OffsetDateTime.of(2026, 12, 7, 10, 0, 0, 0, ZoneOffset.UTC);
        for (int b = 0; b < batches; b++) {
            String[][] ev = new String[batch][];
            for (int e = 0; e < batch; e++)
                ev[e] = new String[] {
                    "visitor-" + random.nextInt(200_000),
                    "session-" + random.nextInt(400_000),
                    "/p/" + random.nextInt(5_000)
                };
            OffsetDateTime at = t.plusSeconds(b);
            for (int k = 0; k < 2; k++) {
                int i = (b % 2 == 0) ? k : 1 - k; // which goes first alternates
                long start = mx.getCurrentThreadCpuTime();
                Integer[] order = new Integer[batch];
                long[] h = new long[batch];
                for (int e = 0; e < batch; e++) {
                    order[e] = e;
                    h[e] = VisitorHash.of(ev[e][0]);
                }
                if (i == 0) Arrays.sort(order, Comparator.comparing(e -> ev[e][0]));
                else Arrays.sort(order, Comparator.comparingLong(e -> h[e]));
                try (PreparedStatement ps = c[i].prepareStatement(sql.toString())) {
                    for (int n = 0; n < batch; n += 50) {
                        for (int r = 0; r < 50; r++) {
                            int e = order[n + r];
                            int p = r * 12;
                            ps.setLong(p + 1, 1);
                            ps.setString(p + 2, ev[e][0]);
                            ps.setLong(p + 3, h[e]);
                            ps.setString(p + 4, ev[e][1]);
                            ps.setObject(p + 5, at);
                            ps.setObject(p + 6, at);
                            ps.setString(p + 7, "page");
                            ps.setString(p + 8, ev[e][2]);
                            for (int q = 9; q <= 12; q++) ps.setNull(p + q, Types.VARCHAR);
                        }
                        ps.executeUpdate();
                    }
                }
                c[i].commit();
                cpu[i] += mx.getCurrentThreadCpuTime() - start;
                rows[i] += batch;
            }
            if ((b + 1) % 10 == 0) {
                System.out.printf(
                        Locale.ROOT,
                        "after %,d events each: visitor index %.1f us/event, hash index %.1f us/event (cumulative since the last line); load %s%n",
                        rows[0],
                        cpu[0] / 1e3 / (10.0 * batch),
                        cpu[1] / 1e3 / (10.0 * batch),
                        new String(java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/proc/loadavg"))).trim());
                cpu[0] = cpu[1] = 0;
            }
        }
    }
}
