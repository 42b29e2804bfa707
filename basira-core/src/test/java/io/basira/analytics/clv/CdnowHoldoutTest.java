package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The aggregate CDNOW checks: the holdout (weeks 40-78) by calibration frequency and the cumulative
 * tracking curve, against BTYD's walkthrough. Models are fitted on the raw transactions, as BTYD does.
 */
class CdnowHoldoutTest {

    static final List<ClvTransaction> RAW = Cdnow.transactions();
    static final CalibrationSummary CAL =
            CalibrationSummary.fromTransactions(RAW, Cdnow.CALIBRATION_END, ClvTimeUnit.WEEKS);
    static final BgNbd BG = new BgNbd(BgNbd.fit(CAL.patterns()).parameters().orElseThrow());
    static final ParetoNbd PARETO =
            new ParetoNbd(ParetoNbd.fit(CAL.patterns()).parameters().orElseThrow());
    static final double HOLDOUT = 39;

    /** Distinct purchase days per customer, sorted. */
    static Map<String, TreeSet<LocalDate>> days() {
        Map<String, TreeSet<LocalDate>> days = new HashMap<>();
        RAW.forEach(
                t -> days.computeIfAbsent(t.customerId(), k -> new TreeSet<>()).add(t.day()));
        return days;
    }

    static int holdoutRepeats(TreeSet<LocalDate> d) {
        return d.tailSet(Cdnow.CALIBRATION_END, false).size();
    }

    @Test
    void holdout_repeat_transactions_total_1882_and_agree_with_the_derived_file() {
        Map<String, TreeSet<LocalDate>> days = days();
        int total = 0;
        for (String[] row : Cdnow.holdoutRows()) {
            int xStar = holdoutRepeats(days.get(row[0]));
            assertThat(xStar).as("customer %s", row[0]).isEqualTo(Integer.parseInt(row[5]));
            total += xStar;
        }
        assertThat(total).isEqualTo(1882);
    }

    @Test
    void holdout_means_by_calibration_frequency_match_btyd() {
        Map<String, TreeSet<LocalDate>> days = days();
        double[] actual = new double[8];
        double[] bg = new double[8];
        double[] pareto = new double[8];
        int[] count = new int[8];
        for (int i = 0; i < CAL.size(); i++) {
            CustomerStatistics c = CAL.customer(i);
            int bin = Math.min(c.x(), 7);
            count[bin]++;
            actual[bin] += holdoutRepeats(days.get(c.customerId()));
            bg[bin] += BG.conditionalExpectedPurchases(HOLDOUT, c.x(), c.tx(), c.bigT());
            pareto[bin] += PARETO.conditionalExpectedPurchases(HOLDOUT, c.x(), c.tx(), c.bigT());
        }
        assertThat(count).containsExactly(1411, 439, 214, 100, 62, 38, 29, 64);
        double[] actualRef = {0.2367116, 0.6970387, 1.392523, 1.56, 2.532258, 2.947368, 3.862069, 6.359375};
        double[] bgRef = {0.2250893, 0.5231364, 1.044126, 1.520256, 2.163824, 2.653789, 3.503957, 6.157036};
        double[] paretoRef = {0.138, 0.600, 1.196, 1.714, 2.399, 2.907, 3.819, 6.403};
        for (int b = 0; b < 8; b++) {
            assertThat(actual[b] / count[b]).as("actual, x bin %s", b).isCloseTo(actualRef[b], within(1e-6));
            assertThat(bg[b] / count[b]).as("BG/NBD, x bin %s", b).isCloseTo(bgRef[b], within(1e-3));
            assertThat(pareto[b] / count[b]).as("Pareto/NBD, x bin %s", b).isCloseTo(paretoRef[b], within(2e-3));
        }
    }

    @Test
    void sums_of_conditional_expectations_over_the_holdout() {
        double bg = 0;
        double pareto = 0;
        for (int i = 0; i < CAL.size(); i++) {
            CustomerStatistics c = CAL.customer(i);
            bg += BG.conditionalExpectedPurchases(HOLDOUT, c.x(), c.tx(), c.bigT());
            pareto += PARETO.conditionalExpectedPurchases(HOLDOUT, c.x(), c.tx(), c.bigT());
        }
        assertThat(bg).isCloseTo(1653.4, within(0.1));
        assertThat(pareto).isCloseTo(1665.5, within(0.1));
    }

    /** Week of a day: week k holds days 7(k-1)+1 .. 7k counted from 1997-01-01 as day 1. */
    static int week(LocalDate day) {
        return (int) (ChronoUnit.DAYS.between(Cdnow.START, day) / 7) + 1;
    }

    static int[] actualCumulative(int lastWeek) {
        int[] weekly = new int[lastWeek + 1];
        days().values().forEach(d -> d.tailSet(d.first(), false).forEach(day -> weekly[week(day)]++));
        int[] cumulative = new int[lastWeek + 1];
        for (int w = 1; w <= lastWeek; w++) {
            cumulative[w] = cumulative[w - 1] + weekly[w];
        }
        return cumulative;
    }

    /** Sum over customers of E[X(w - birth)], birth in weeks since 1997-01-01. */
    static double expectedCumulative(java.util.function.DoubleUnaryOperator expected, double w) {
        double sum = 0;
        for (TreeSet<LocalDate> d : days().values()) {
            double birth = ChronoUnit.DAYS.between(Cdnow.START, d.first()) / 7.0;
            if (w > birth) {
                sum += expected.applyAsDouble(w - birth);
            }
        }
        return sum;
    }

    @Test
    void cumulative_tracking_weeks_20_to_25_matches_btyd() {
        int[] actual = actualCumulative(78);
        assertThat(new int[] {actual[20], actual[21], actual[22], actual[23], actual[24], actual[25]})
                .containsExactly(1359, 1414, 1484, 1517, 1573, 1672);
        assertThat(new int[] {
                    actual[20] - actual[19],
                    actual[21] - actual[20],
                    actual[22] - actual[21],
                    actual[23] - actual[22],
                    actual[24] - actual[23],
                    actual[25] - actual[24]
                })
                .containsExactly(73, 55, 70, 33, 56, 99);
        assertThat(actual[39]).isEqualTo(2457);
        assertThat(actual[78] - actual[39]).isEqualTo(1882);
        double[] bgRef = {1312.458, 1387.346, 1460.392, 1531.713, 1601.418, 1669.6};
        double[] paretoRef = {1308.856, 1385.275, 1459.923, 1532.906, 1604.32, 1674.253};
        double[] bgWeekly = {76.865, 74.888, 73.046, 71.322, 69.704, 68.182};
        double[] paretoWeekly = {78.308, 76.419, 74.648, 72.983, 71.414, 69.933};
        for (int w = 20; w <= 25; w++) {
            double bg = expectedCumulative(BG::expectedPurchases, w);
            double pareto = expectedCumulative(PARETO::expectedPurchases, w);
            assertThat(bg).as("BG/NBD week %s", w).isCloseTo(bgRef[w - 20], within(0.05));
            assertThat(pareto).as("Pareto/NBD week %s", w).isCloseTo(paretoRef[w - 20], within(0.2));
            assertThat(bg - expectedCumulative(BG::expectedPurchases, w - 1))
                    .as("BG/NBD weekly %s", w)
                    .isCloseTo(bgWeekly[w - 20], within(0.01));
            assertThat(pareto - expectedCumulative(PARETO::expectedPurchases, w - 1))
                    .as("Pareto/NBD weekly %s", w)
                    .isCloseTo(paretoWeekly[w - 20], within(0.01));
        }
    }

    @Test
    void expected_cumulative_at_weeks_39_and_78() {
        double at39 = expectedCumulative(BG::expectedPurchases, 39);
        double at78 = expectedCumulative(BG::expectedPurchases, 78);
        assertThat(at39).isCloseTo(2501.5, within(0.1));
        assertThat(at78).isCloseTo(4165.7, within(0.1));
        assertThat(at78 - at39).isCloseTo(1664.2, within(0.1));
    }
}
