package io.basira.bench;

import io.basira.index.BoundPredicate;
import io.basira.index.CustomerIndex;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
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

/**
 * The event path: one customer's card changes, all 20 of its fields are rewritten in place, and
 * the 100 rules are re-tested on that one row with {@link CustomerIndex#matches}. SampleTime
 * gives the latency distribution (read p0.99). Events are precomputed, so their generation is
 * not measured.
 *
 * <p>Run (after building as in {@link IndexScanBenchmark}):
 * <pre>
 * java -cp basira-bench/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main IndexEventBenchmark -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IndexEventBenchmark {

    private static final int EVENTS = 1 << 14;

    @Param({"1000000", "10000000"})
    int rows;

    CustomerIndex index;
    Object[] columns;
    BoundPredicate[] rules;
    int[] eventRows;
    Object[][] eventValues;
    int next;

    @Setup(Level.Trial)
    public void setUp() {
        index = SyntheticStore.build(rows, IndexScanBenchmark.DATA_SEED);
        columns = SyntheticStore.columns(index);
        List<RandomRules.Rule> generated = new RandomRules(IndexScanBenchmark.RULE_SEED).rules(IndexScanBenchmark.RULES);
        rules = generated.stream().map(rule -> index.bind(rule.predicate())).toArray(BoundPredicate[]::new);
        Random random = new Random(99);
        eventRows = new int[EVENTS];
        eventValues = new Object[EVENTS][];
        for (int i = 0; i < EVENTS; i++) {
            eventRows[i] = random.nextInt(rows);
            eventValues[i] = SyntheticStore.customer(random);
        }
    }

    @Benchmark
    public int updateOneCustomerAndRetestHundredRules() {
        int i = next++ & (EVENTS - 1);
        int row = eventRows[i];
        SyntheticStore.write(columns, row, eventValues[i]);
        int memberships = 0;
        for (BoundPredicate rule : rules) {
            if (index.matches(rule, row)) {
                memberships++;
            }
        }
        return memberships;
    }
}
