package io.basira.bench;

import io.basira.analytics.clv.BgNbd;
import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ClvAnalysis;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.analytics.clv.CustomerStatistics;
import io.basira.analytics.clv.GammaGamma;
import io.basira.analytics.clv.GammaGammaParameters;
import io.basira.analytics.clv.ModelFit;
import io.basira.analytics.clv.ParetoNbd;
import io.basira.analytics.clv.ParetoNbdParameters;
import io.basira.analytics.clv.ScoringOptions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * CLV model fits and per-customer scoring on the CDNOW sample (2,357 customers) and on one million
 * customers simulated with a fixed seed ({@link ClvData#simulated}). The calibration summary and its
 * grouping into (x, t_x, T) patterns are built in setup; {@code groupPatterns} measures that grouping.
 * The reference point: lifetimes (Python) fits BG/NBD on CDNOW in about 80 ms.
 *
 * <p>Run (from the repository root):
 * <pre>
 * ./mvnw -B -q -o -pl basira-core,basira-bench -am package -DskipTests
 * ./mvnw -B -q -o -pl basira-bench dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp basira-core/target/classes:basira-bench/target/classes:$(cat basira-bench/target/cp.txt) \
 *     org.openjdk.jmh.Main ClvFitBenchmark \
 *     -f 1 -wi 2 -i 3 -w 2s -r 2s
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx3g")
public class ClvFitBenchmark {

    static final long SEED = 20_050_101L;

    @Param({"cdnow", "simulated-1m"})
    public String data;

    CalibrationSummary summary;
    List<CustomerStatistics> rows;
    ClvModels models;

    @Setup(Level.Trial)
    public void setUp() {
        summary = "cdnow".equals(data) ? ClvData.cdnow() : ClvData.simulated(1_000_000, SEED);
        rows = new java.util.ArrayList<>(summary.size());
        for (int i = 0; i < summary.size(); i++) {
            rows.add(summary.customer(i));
        }
        summary.patterns();
        models = ClvAnalysis.fit(summary);
    }

    @Benchmark
    public ModelFit<BgNbdParameters> fitBgNbd() {
        return BgNbd.fit(summary.patterns());
    }

    @Benchmark
    public ModelFit<ParetoNbdParameters> fitParetoNbd() {
        return ParetoNbd.fit(summary.patterns());
    }

    @Benchmark
    public ModelFit<GammaGammaParameters> fitGammaGamma() {
        return GammaGamma.fit(summary);
    }

    @Benchmark
    public List<CustomerPrediction> scoreAllCustomers() {
        return ClvAnalysis.score(summary, models, ScoringOptions.defaults());
    }

    @Benchmark
    public int groupPatterns() {
        return CalibrationSummary.of(rows, summary.calibrationEnd(), summary.unit())
                .patterns()
                .size();
    }
}
