package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** Pareto/NBD against the published CDNOW results (docs/clv.md, validation table). */
class ParetoNbdCdnowTest {

    static final ParetoNbdParameters FITTED =
            ParetoNbd.fit(Cdnow.summaryCsv().patterns()).parameters().orElseThrow();
    static final ParetoNbd MODEL = new ParetoNbd(FITTED);

    @Test
    void fit_on_the_lifetimes_summary_matches_lifetimes() {
        assertThat(FITTED.r()).isCloseTo(0.553277, within(2e-3));
        assertThat(FITTED.alpha()).isCloseTo(10.577489, within(0.02));
        assertThat(FITTED.s()).isCloseTo(0.606203, within(2e-3));
        assertThat(FITTED.beta()).isCloseTo(11.667548, within(0.05));
        assertThat(FITTED.logLikelihood()).isCloseTo(-9594.974, within(0.01));
    }

    @Test
    void fit_matches_fader_hardie_lee_btyd_and_clvtools() {
        assertThat(FITTED.r()).isCloseTo(0.553, within(2e-3)).isCloseTo(0.55315, within(2e-3));
        assertThat(FITTED.alpha())
                .isCloseTo(10.578, within(0.02))
                .isCloseTo(10.580, within(0.02))
                .isCloseTo(10.57633, within(0.02));
        assertThat(FITTED.s()).isCloseTo(0.606, within(2e-3)).isCloseTo(0.60625, within(2e-3));
        assertThat(FITTED.beta()).isCloseTo(11.669, within(0.05)).isCloseTo(11.67150, within(0.05));
        // BTYD's beta (11.656) sits on the flat ridge of the likelihood: 0.012 away, hence a wider bound.
        assertThat(FITTED.beta()).isCloseTo(11.656, within(0.1));
        assertThat(FITTED.logLikelihood()).isCloseTo(-9595.0, within(0.05)).isCloseTo(-9594.976, within(0.01));
    }

    @Test
    void standard_errors_match_clvtools() {
        double[] se = MODEL.standardErrors(Cdnow.summaryCsv().patterns());
        assertThat(se[0]).isCloseTo(0.0476, withinPercentage(5));
        assertThat(se[1]).isCloseTo(0.8427, withinPercentage(5));
        assertThat(se[2]).isCloseTo(0.1873, withinPercentage(5));
        assertThat(se[3]).isCloseTo(6.2105, withinPercentage(5));
    }

    @Test
    void unconditional_expectation_matches_btyd() {
        assertThat(MODEL.expectedPurchases(52)).isCloseTo(1.473434, within(1e-3));
    }

    @Test
    void customer_1516_matches_btyd_and_lifetimes() {
        assertThat(MODEL.conditionalExpectedPurchases(52, 26, 30.85714, 31)).isCloseTo(25.45647, within(0.01));
        assertThat(MODEL.probabilityAlive(26, 30.85714, 31)).isCloseTo(0.997874, within(1e-3));
    }

    @Test
    void conditional_expectations_by_frequency_match_btyd() {
        int[] x = {10, 15, 20, 25};
        double[] expected = {0.7062289, 0.1442396, 0.02250658, 0.00309267};
        for (int i = 0; i < x.length; i++) {
            assertThat(MODEL.conditionalExpectedPurchases(52, x[i], 20, 39))
                    .as("x=%s", x[i])
                    .isCloseTo(expected[i], withinPercentage(1));
        }
    }
}
