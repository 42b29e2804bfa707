package io.basira.spark;

import io.basira.demo.DemoStoreGenerator;
import io.basira.demo.DemoStoreSpec;
import io.basira.demo.DemoStoreSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * The cards' throughput, one run on one machine (docs/scale.md): the demo generator's store of N customers and M
 * orders as a canonical folder, then (1) the engine's fold run directly — the folder read with FastCSV, each
 * customer folded by {@code CardAccumulator}, one thread: the CPU part of {@code basira rebuild cards} without
 * the database — and (2) the Spark job in local mode on 1 and on 2 cores, forced to compute every card
 * ({@code noop} sink). Each side: one untimed warm-up, then the best of {@code runs}. Prints orders a second
 * and per core.
 *
 * <pre>
 * java -Xmx6g $(cat basira-spark/launcher/jvm.options) -cp basira-spark/target/test-classes:basira-spark/target/classes:$(cat basira-spark/target/classpath.txt) \
 *     io.basira.spark.CardsThroughput 100000 1000000 3 /tmp/cards-bench
 * </pre>
 */
public final class CardsThroughput {

    private CardsThroughput() {}

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(args[0]);
        long orders = Long.parseLong(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path folder = Path.of(args[3]);
        DemoStoreSpec spec = DemoStoreSpec.defaults().withCustomers(customers).withOrders(orders);
        if (!Files.exists(folder.resolve("orders.csv"))) {
            DemoStoreSummary summary = new DemoStoreGenerator().write(spec, folder);
            System.out.println("generated " + summary);
        }
        StoreSource store = new StoreSource("bench", folder.toString(), "SAR", "Asia/Riyadh", false);
        LocalDate asOf = DemoStoreSpec.DEFAULT_END;
        long engine = best(runs, () -> new Reference(store).cards(asOf).size());
        report("engine fold, 1 thread", orders, engine, 1);
        for (int cores : new int[] {1, 2}) {
            SparkSession spark = SparkSession.builder().master("local[" + cores + "]").appName("bench")
                    .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", String.valueOf(2 * cores))
                    .config("spark.sql.session.timeZone", "UTC").getOrCreate();
            CardsJob.Settings settings = new CardsJob.Settings(Map.of("bench", store), asOf, Map.of());
            long spark1 = best(runs, () -> {
                CardsJob.table(CardsJob.cards(CardsJob.facts(spark, List.of(store)), settings)).write().format("noop")
                        .mode("overwrite").save();
                return 0;
            });
            report("Spark job, local[" + cores + "]", orders, spark1, cores);
            spark.stop();
        }
    }

    interface Work {
        long run() throws Exception;
    }

    private static long best(int runs, Work work) throws Exception {
        work.run();
        long best = Long.MAX_VALUE;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            work.run();
            best = Math.min(best, System.nanoTime() - start);
        }
        return best;
    }

    private static void report(String what, long orders, long nanos, int cores) {
        double seconds = nanos / 1e9;
        System.out.printf("%-28s %8.2f s  %,12.0f orders/s  %,12.0f orders/s per core%n", what, seconds,
                orders / seconds, orders / seconds / cores);
    }
}
