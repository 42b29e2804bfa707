package io.basira.server.analytics.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.clv.BgNbdParameters;
import io.basira.analytics.clv.CalibrationSummary;
import io.basira.analytics.clv.ChurnRisk;
import io.basira.analytics.clv.ClvModels;
import io.basira.analytics.clv.ClvTimeUnit;
import io.basira.analytics.clv.CustomerPrediction;
import io.basira.analytics.clv.CustomerStatistics;
import io.basira.analytics.clv.GammaGammaParameters;
import io.basira.analytics.clv.ModelFit;
import io.basira.analytics.clv.ParetoNbdParameters;
import io.basira.server.analytics.ClvReport;
import java.lang.ref.WeakReference;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The CLV tab's digest of a report gives what the tab computed on every view: the first high-risk customers in
 * each order as a full sort gives them, and the histogram's counts as dividing each value gives them.
 */
class ClvDigestTest {

    @Test
    void the_kept_first_high_risk_customers_are_those_a_full_sort_puts_first() {
        Random random = new Random(7);
        List<CustomerPrediction> predictions = new ArrayList<>();
        ChurnRisk[] risks = ChurnRisk.values();
        for (int i = 0; i < 5_000; i++) {
            // few distinct values and probabilities: ties are decided by the customer id
            predictions.add(prediction(
                    "C" + random.nextInt(1_000_000),
                    risks[random.nextInt(risks.length)],
                    BigDecimal.valueOf(random.nextInt(300), 1),
                    random.nextInt(4) == 0 ? OptionalDouble.empty() : OptionalDouble.of(random.nextInt(20) / 20.0)));
        }
        for (ChurnRiskList.Sort by : ChurnRiskList.Sort.values()) {
            for (boolean ascending : new boolean[] {true, false}) {
                Comparator<CustomerPrediction> order = by == ChurnRiskList.Sort.VALUE
                        ? Comparator.comparing(CustomerPrediction::predictedValue12Months)
                        : Comparator.comparingDouble(p -> p.probabilityAlive().orElse(-1));
                order = (ascending ? order : order.reversed()).thenComparing(CustomerPrediction::customerId);
                List<CustomerPrediction> sorted = predictions.stream()
                        .filter(p -> p.churnRisk() == ChurnRisk.HIGH)
                        .sorted(order)
                        .toList();

                ChurnRiskList.Top top = ChurnRiskList.top(predictions, by, ascending);

                assertThat(top.total()).isEqualTo(sorted.size());
                assertThat(top.shown()).containsExactlyElementsOf(sorted.subList(0, ChurnRiskList.SHOWN));
            }
        }
    }

    @Test
    void the_histogram_counts_each_value_in_the_bin_its_division_names() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            int n = 1 + random.nextInt(3_000);
            BigDecimal[] values = new BigDecimal[n];
            for (int i = 0; i < n; i++) {
                // mostly small values, a few large ones, some exactly on a bin's bound
                long cents = random.nextInt(10) == 0 ? random.nextInt(10_000_000) : random.nextInt(50_000);
                values[i] = BigDecimal.valueOf(random.nextInt(5) == 0 ? cents / 100 * 100 : cents, 2);
                if (round % 5 == 4 && i % 7 == 0) {
                    values[i] = values[i].setScale(4); // mixed scales: divided as decimals
                } else if (round % 5 == 3) {
                    values[i] = BigDecimal.valueOf(cents / 100); // whole amounts (scale 0)
                }
            }
            List<BigDecimal> given = List.of(values.clone());

            ValueHistogram.Counts counts = ValueHistogram.Counts.of(values);

            int closed = counts.customers().length - 1;
            int[] expected = new int[closed + 1];
            for (BigDecimal v : given) {
                int bin = v.divide(counts.width(), 0, RoundingMode.FLOOR).intValue();
                expected[Math.min(bin, closed)]++;
            }
            assertThat(counts.customers()).as("round %d", round).containsExactly(expected);
        }
    }

    /**
     * Digests are kept by report, weakly: one that held its report would keep every report (one per data version,
     * a million predictions each at a million customers) until the cache's bound; at 10 M orders with writes
     * arriving that ran the server out of a 4 GB heap.
     */
    @Test
    void a_digest_does_not_keep_its_report() throws InterruptedException {
        List<CustomerPrediction> predictions = new ArrayList<>();
        List<CustomerStatistics> statistics = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            predictions.add(
                    prediction("C" + i, ChurnRisk.values()[i % 3], BigDecimal.valueOf(i, 2), OptionalDouble.of(0.5)));
            statistics.add(new CustomerStatistics("C" + i, i % 4, i % 4 == 0 ? 0 : 10, 40, i % 4 == 0 ? 0 : 25));
        }
        ModelFit.Failed<BgNbdParameters> bg = new ModelFit.Failed<>("not-fitted", "test");
        ModelFit.Failed<ParetoNbdParameters> pareto = new ModelFit.Failed<>("not-fitted", "test");
        ModelFit.Failed<GammaGammaParameters> gg = new ModelFit.Failed<>("not-fitted", "test");
        ClvReport report = new ClvReport(
                CalibrationSummary.of(statistics, LocalDate.of(2026, 1, 1), ClvTimeUnit.DAYS),
                new ClvModels(bg, pareto, gg, ClvTimeUnit.DAYS, "fallback:bgnbd-not-fitted"),
                predictions);
        ClvDigest digest = ClvDigest.of(report);
        assertThat(ClvDigest.of(report)).isSameAs(digest);
        assertThat(digest.customers()).isEqualTo(1_000);
        long high = predictions.stream()
                .filter(p -> p.churnRisk() == ChurnRisk.HIGH)
                .count();
        WeakReference<ClvReport> weak = new WeakReference<>(report);
        report = null;
        predictions = null;

        for (int i = 0; i < 50 && weak.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }

        assertThat(weak.get()).as("the report, once nobody else holds it").isNull();
        assertThat(digest.highRisk(ChurnRiskList.Sort.VALUE, false).total()).isEqualTo(high);
    }

    private static CustomerPrediction prediction(String id, ChurnRisk risk, BigDecimal value, OptionalDouble alive) {
        return new CustomerPrediction(
                id, alive, 0.1, 0.4, new BigDecimal("25.00"), value, risk, Optional.empty(), "bgnbd+gammagamma");
    }
}
