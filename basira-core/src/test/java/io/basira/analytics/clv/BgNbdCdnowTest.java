package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import org.junit.jupiter.api.Test;

/** BG/NBD against the published CDNOW results (docs/clv.md, validation table). */
class BgNbdCdnowTest {

    static final BgNbdParameters FITTED = fit(Cdnow.summaryCsv());
    static final BgNbd MODEL = new BgNbd(FITTED);
    /** FHL05's rounded estimates, used by the lifetimes tests for P(X(t) = n). */
    static final BgNbd ROUNDED = new BgNbd(BgNbdParameters.of(0.243, 4.414, 0.793, 2.426));

    static BgNbdParameters fit(CalibrationSummary summary) {
        return BgNbd.fit(summary.patterns()).parameters().orElseThrow();
    }

    @Test
    void fit_on_the_lifetimes_summary_matches_lifetimes() {
        assertThat(FITTED.r()).isCloseTo(0.242593, within(1e-5));
        assertThat(FITTED.alpha()).isCloseTo(4.413532, within(1e-3));
        assertThat(FITTED.a()).isCloseTo(0.792886, within(1e-4));
        assertThat(FITTED.b()).isCloseTo(2.425752, within(1e-3));
        assertThat(FITTED.logLikelihood()).isCloseTo(-9582.4256, within(0.01));
    }

    @Test
    void fit_on_the_lifetimes_summary_matches_fader_hardie_lee_2005() {
        assertThat(FITTED.r()).isCloseTo(0.243, within(1e-3));
        assertThat(FITTED.alpha()).isCloseTo(4.414, within(5e-3));
        assertThat(FITTED.a()).isCloseTo(0.793, within(1e-3));
        assertThat(FITTED.b()).isCloseTo(2.426, within(5e-3));
        assertThat(FITTED.logLikelihood()).isCloseTo(-9582.4, within(0.05));
    }

    @Test
    void fit_on_the_lifetimes_summary_matches_btyd_and_clvtools() {
        assertThat(FITTED.r()).isCloseTo(0.2425982, withinPercentage(0.1)).isCloseTo(0.2425945, withinPercentage(0.1));
        assertThat(FITTED.alpha())
                .isCloseTo(4.4136842, withinPercentage(0.1))
                .isCloseTo(4.4136019, withinPercentage(0.1));
        assertThat(FITTED.a()).isCloseTo(0.7929899, withinPercentage(0.1)).isCloseTo(0.7929199, withinPercentage(0.1));
        assertThat(FITTED.b()).isCloseTo(2.4261667, withinPercentage(0.1)).isCloseTo(2.4258881, withinPercentage(0.1));
    }

    @Test
    void fit_from_the_raw_transactions_matches_btyd() {
        BgNbdParameters raw = fit(
                CalibrationSummary.fromTransactions(Cdnow.transactions(), Cdnow.CALIBRATION_END, ClvTimeUnit.WEEKS));
        assertThat(raw.r()).isCloseTo(0.2425982, withinPercentage(0.1));
        assertThat(raw.alpha()).isCloseTo(4.4136842, withinPercentage(0.1));
        assertThat(raw.a()).isCloseTo(0.7929899, withinPercentage(0.1));
        assertThat(raw.b()).isCloseTo(2.4261667, withinPercentage(0.1));
        assertThat(raw.logLikelihood()).isCloseTo(-9582.429, within(0.01));
    }

    @Test
    void standard_errors_match_lifetimes() {
        double[] se = MODEL.standardErrors(Cdnow.summaryCsv().patterns());
        assertThat(se[0]).isCloseTo(0.012557, withinPercentage(5));
        assertThat(se[1]).isCloseTo(0.378221, withinPercentage(5));
        assertThat(se[2]).isCloseTo(0.185719, withinPercentage(5));
        assertThat(se[3]).isCloseTo(0.705345, withinPercentage(5));
    }

    @Test
    void conditional_expectation_of_hardies_example_customer() {
        assertThat(MODEL.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(1e-3));
    }

    @Test
    void unconditional_expectations_match_hardies_spreadsheet() {
        double[] t = {0.1429, 1, 3, 31.8571, 32, 78};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < t.length; i++) {
            assertThat(MODEL.expectedPurchases(t[i])).as("E[X(%s)]", t[i]).isCloseTo(expected[i], within(1e-3));
        }
        assertThat(MODEL.expectedPurchases(52)).isCloseTo(1.444004, within(1e-3));
    }

    @Test
    void customer_1516_matches_btyd() {
        assertThat(MODEL.conditionalExpectedPurchases(52, 26, 30.85714, 31)).isCloseTo(25.75659, within(2e-3));
        assertThat(MODEL.probabilityAlive(26, 30.85714, 31)).isCloseTo(0.9688523, within(2e-3));
    }

    @Test
    void conditional_expectations_by_frequency_match_btyd() {
        int[] x = {10, 15, 20, 25};
        double[] expected = {0.3474606, 0.04283391, 0.004158973, 0.0003583685};
        for (int i = 0; i < x.length; i++) {
            assertThat(MODEL.conditionalExpectedPurchases(52, x[i], 20, 39))
                    .as("x=%s", x[i])
                    .isCloseTo(expected[i], withinPercentage(0.1));
        }
    }

    @Test
    void purchase_count_probabilities_match_btyd() {
        assertThat(ROUNDED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-5));
        assertThat(ROUNDED.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, withinPercentage(0.1));
        assertThat(ROUNDED.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-5));
        double[] expected = {
            .0019995214,
            .0015170236,
            .0011633150,
            .0009003148,
            .0007023638,
            .0005517902,
            .0004361913,
            .0003467171,
            .0002769613,
            .0002222260
        };
        for (int n = 11; n <= 20; n++) {
            assertThat(ROUNDED.probabilityOfPurchases(n, 30))
                    .as("P(X(30)=%s)", n)
                    .isCloseTo(expected[n - 11], within(1e-5))
                    .isCloseTo(expected[n - 11], withinPercentage(0.1));
        }
    }
}
