package io.basira.bench;

import io.basira.card.CustomerCard;
import io.basira.card.CustomerSnapshot;
import io.basira.segment.Condition;
import io.basira.segment.audience.IndexedAudience;
import java.time.Instant;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.RoaringBitmap;

/**
 * One event, the production way: an order arrives for one customer; their card is folded again by
 * {@code CardAccumulator} from their orders, carts and reviews plus the new order; the snapshot is
 * upserted into the {@link IndexedAudience}; and the 100 groups of {@link RandomRules} are re-tested for
 * that customer with {@code matches} (cached compiled rules, no allocation in the test itself).
 * SampleTime gives the latency distribution (read p0.99). The events' customers are drawn beforehand.
 *
 * <p>Run (after building as in {@link IndexScanBenchmark}):
 * <pre>
 * java -cp basira-bench/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main IndexEventBenchmark -wi 1 -i 2 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IndexEventBenchmark {

    private static final int EVENTS = 1 << 14;
    private static final Function<String, RoaringBitmap> NO_GROUPS = key -> new RoaringBitmap();

    @Param({"1000000"})
    int rows;

    IndexedAudience audience;
    Condition[] rules;
    long[] eventKeys;
    SyntheticStore.Shopper[] eventShoppers;
    Instant orderAt;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        audience = SyntheticStore.build(rows, DuckDbSideBySide.DATA_SEED, null, 1);
        rules = new RandomRules(DuckDbSideBySide.RULE_SEED)
                .rules(RandomRules.GROUPS)
                .toArray(new Condition[0]);
        Random random = new Random(99);
        eventKeys = new long[EVENTS];
        eventShoppers = new SyntheticStore.Shopper[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            eventKeys[i] = 10L * (1 + random.nextInt(rows));
            eventShoppers[i] = SyntheticStore.shopper(random, eventKeys[i]);
        }
        orderAt = SyntheticStore.TODAY.atTime(12, 0).atZone(SyntheticStore.ZONE).toInstant();
        for (Condition rule : rules) {
            audience.matches(rule, 0, SyntheticStore.CONTEXT, NO_GROUPS); // compile once, as the first event would
        }
    }

    @Benchmark
    public int orderArrivesAndHundredGroupsAreRetested() {
        int i = next++ & (EVENTS - 1);
        SyntheticStore.Shopper shopper = eventShoppers[i];
        CustomerCard card = shopper.card(1, orderAt, 12_345);
        int row = audience.upsert(new CustomerSnapshot(eventKeys[i], shopper.customer(), card));
        int memberships = 0;
        for (Condition rule : rules) {
            if (audience.matches(rule, row, SyntheticStore.CONTEXT, NO_GROUPS)) {
                memberships++;
            }
        }
        return memberships;
    }
}
