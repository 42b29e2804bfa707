package io.basira.bench;

import io.basira.segment.Condition;
import io.basira.segment.audience.IndexedAudience;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.roaringbitmap.RoaringBitmap;

/**
 * Full evaluation of the 100 groups of {@link RandomRules} (8 templates + 92 random text rules, parsed
 * with RuleText) over every customer of a synthetic store loaded as {@code CustomerSnapshot} upserts
 * into an {@link IndexedAudience}: {@code members} per group, one RoaringBitmap each, on
 * {@code threads} threads. Rules are compiled on the first call and cached, as in production. Returns
 * the sum of the members so nothing is dead code.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -o -pl basira-bench -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -cp basira-bench/target/classes:$(cat /tmp/cp.txt) org.openjdk.jmh.Main IndexScanBenchmark -wi 1 -i 2 -w 2s -r 3s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms6g", "-Xmx6g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class IndexScanBenchmark {

    static final Function<String, RoaringBitmap> NO_GROUPS = key -> new RoaringBitmap();

    @Param({"1000000", "10000000"})
    int rows;

    @Param({"2"})
    int threads;

    IndexedAudience audience;
    List<Condition> rules;
    ExecutorService executor;

    @Setup(Level.Trial)
    public void setUp() {
        executor = Executors.newFixedThreadPool(threads);
        audience = SyntheticStore.build(rows, DuckDbSideBySide.DATA_SEED, executor, threads);
        rules = new RandomRules(DuckDbSideBySide.RULE_SEED).rules(RandomRules.GROUPS);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        executor.shutdownNow();
    }

    @Benchmark
    public long hundredGroups() {
        long members = 0;
        for (Condition rule : rules) {
            members += audience.members(rule, SyntheticStore.CONTEXT, NO_GROUPS).getLongCardinality();
        }
        return members;
    }
}
