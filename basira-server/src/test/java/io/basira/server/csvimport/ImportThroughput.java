package io.basira.server.csvimport;

import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Currency;
import java.util.Random;

/**
 * A manual measurement, not a test: writes a synthetic folder (100,000 customers and N orders,
 * 1,000,000 by default) to a temporary directory and reads it a few times with a discarding sink,
 * printing rows per second, then deletes the folder. Not a JMH benchmark (the reader lives in the server module, which
 * basira-bench does not depend on); the numbers are orders of magnitude.
 *
 * <pre>
 * ./mvnw -B -q -o -pl basira-server -am test-compile
 * ./mvnw -B -q -o -pl basira-server dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp basira-server/target/test-classes:basira-server/target/classes:$(cat /tmp/cp.txt) \
 *     io.basira.server.csvimport.ImportThroughput 1000000
 * </pre>
 */
public final class ImportThroughput {

    private static final String[] STATUSES = {
        "completed", "completed", "completed", "processing", "cancelled", "returned"
    };

    private ImportThroughput() {}

    public static void main(String[] args) throws IOException {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int customers = Math.max(1, orders / 10);
        Path folder = Files.createTempDirectory("basira-import-");
        write(folder, customers, orders, new Random(42));
        Store store = new Store(new StoreId(1), "demo", "Demo", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
        System.out.printf("folder %s, orders.csv %.1f MB%n", folder, Files.size(folder.resolve("orders.csv")) / 1e6);
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            ImportReport report = new CanonicalFolderReader()
                    .read(folder, store, KnownRecords.none(), RecordSink.discarding(), ImportProgress.none());
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(
                    "run %d: %,d rows (%,d imported, %,d errors) in %.2f s = %,.0f rows/s%n",
                    run,
                    report.rowsRead(),
                    report.imported(),
                    report.errorCount(),
                    seconds,
                    report.rowsRead() / seconds);
        }
        for (String file : new String[] {"customers.csv", "orders.csv"}) {
            Files.delete(folder.resolve(file));
        }
        Files.delete(folder);
    }

    private static void write(Path folder, int customers, int orders, Random random) throws IOException {
        Instant start = Instant.parse("2022-01-01T00:00:00Z");
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("customers.csv"), StandardCharsets.UTF_8)) {
            out.write("customer_id,first_name,last_name,email,city,country,created_at,tags\n");
            for (int i = 0; i < customers; i++) {
                out.write("C-" + i + ",سارة,Alqahtani,c" + i + "@example.com,الرياض,SA,"
                        + start.plusSeconds(random.nextInt(20_000_000)) + ",vip;gold\n");
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(folder.resolve("orders.csv"), StandardCharsets.UTF_8)) {
            out.write(
                    "order_id,customer_id,created_at,status,total,currency,discount_total,coupon_code,payment_method\n");
            for (int i = 0; i < orders; i++) {
                String createdAt =
                        start.plusSeconds(random.nextInt(60_000_000)).toString().replace("Z", "+03:00");
                out.write("O-" + i + ",C-" + random.nextInt(customers) + "," + createdAt + ","
                        + STATUSES[random.nextInt(STATUSES.length)] + "," + random.nextInt(100_000) / 100 + "."
                        + String.format("%02d", random.nextInt(100)) + ",SAR,0.00,,mada\n");
            }
        }
    }
}
