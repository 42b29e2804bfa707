package io.basira.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.GammaGammaParameters;
import org.junit.jupiter.api.Test;

/** Each benchmark computes the right answer. */
class ClvFitBenchmarkTest {

    static ClvFitBenchmark on(String data) {
        ClvFitBenchmark bench = new ClvFitBenchmark();
        bench.data = data;
        bench.setUp();
        return bench;
    }

    @Test
    void cdnow_benchmarks_reproduce_the_published_fit() {
        ClvFitBenchmark bench = on("cdnow");
        BgNbdParameters bg = bench.fitBgNbd().parameters().orElseThrow();
        assertThat(bg.r()).isCloseTo(0.242593, within(1e-4));
        assertThat(bench.fitParetoNbd().parameters().orElseThrow().logLikelihood())
                .isCloseTo(-9594.974, within(0.01));
        assertThat(bench.fitGammaGamma().parameters().orElseThrow().p()).isCloseTo(6.2488, within(0.01));
        assertThat(bench.scoreAllCustomers())
                .hasSize(2357)
                .allSatisfy(p -> assertThat(p.method()).isEqualTo(ClvModels.MODEL_METHOD));
        assertThat(bench.groupPatterns()).isEqualTo(bench.summary.patterns().size());
    }

    @Test
    void simulated_customers_give_back_the_parameters_they_were_drawn_with() {
        var summary = ClvData.simulated(100_000, ClvFitBenchmark.SEED);
        BgNbdParameters bg = io.basira.analytics.clv.BgNbd.fit(summary.patterns())
                .parameters()
                .orElseThrow();
        assertThat(bg.r()).isCloseTo(0.243, withinPercentage(10));
        assertThat(bg.alpha()).isCloseTo(4.414, withinPercentage(15));
        assertThat(bg.a()).isCloseTo(0.793, withinPercentage(20));
        assertThat(bg.b()).isCloseTo(2.426, withinPercentage(25));
        GammaGammaParameters gg =
                io.basira.analytics.clv.GammaGamma.fit(summary).parameters().orElseThrow();
        assertThat(gg.p() * gg.gamma() / (gg.q() - 1)).isCloseTo(6.25 * 15.44 / 2.74, withinPercentage(5));
    }
}
