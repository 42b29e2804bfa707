package io.basira.bench;

import io.basira.index.BoundPredicate;
import io.basira.index.CustomerIndex;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Full evaluation of 100 random group rules (1–5 conditions, {@link RandomRules}) over every
 * customer of a synthetic store ({@link SyntheticStore}), producing one RoaringBitmap per rule.
 * Returns the sum of the members so nothing is dead code.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -o -pl basira-bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp basira-bench/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main IndexScanBenchmark -wi 2 -i 3 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IndexScanBenchmark {

    static final long DATA_SEED = 42L;
    static final long RULE_SEED = 7L;
    static final int RULES = 100;

    @Param({"1000000", "10000000"})
    int rows;

    CustomerIndex index;
    List<BoundPredicate> rules;
    ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() {
        index = SyntheticStore.build(rows, DATA_SEED);
        rules = new RandomRules(RULE_SEED).rules(RULES).stream().map(rule -> index.bind(rule.predicate())).toList();
        executor = Executors.newFixedThreadPool(2);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    public long hundredRulesOneThread() {
        long members = 0;
        for (BoundPredicate rule : rules) {
            members += index.evaluate(rule).getLongCardinality();
        }
        return members;
    }

    @Benchmark
    public long hundredRulesTwoThreads() {
        long members = 0;
        for (BoundPredicate rule : rules) {
            members += index.evaluate(rule, executor, 2).getLongCardinality();
        }
        return members;
    }
}
