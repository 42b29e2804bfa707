package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Scoring that evaluates each (x, T) once and shares it across t_x gives exactly the predictions of
 * evaluating every expectation afresh per pattern ({@link ReferenceClvScoring}): same doubles, same money.
 */
class PatternScoringTest {

    @Test
    void cdnow_in_weeks_and_days_undiscounted_and_discounted_equals_the_reference() {
        for (ClvTimeUnit unit : ClvTimeUnit.values()) {
            CalibrationSummary summary =
                    CalibrationSummary.fromTransactions(Cdnow.transactions(), Cdnow.CALIBRATION_END, unit);
            ClvModels models = ClvAnalysis.fit(summary);
            assertThat(models.usesModels()).isTrue();
            for (ScoringOptions options : List.of(
                    ScoringOptions.defaults(),
                    new ScoringOptions(0.10, 0.7, 0.3, 365, 2),
                    new ScoringOptions(0.03, 0.6, 0.2, 800, 3))) {
                assertThat(ClvAnalysis.score(summary, models, options))
                        .as("%s %s", unit, options)
                        .isEqualTo(ReferenceClvScoring.score(summary, models, options));
            }
        }
    }

    /** A store large enough that patterns and customers are scored over several threads: still the reference. */
    @Test
    void a_large_store_scored_in_parallel_equals_the_reference() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        java.time.LocalDate start = java.time.LocalDate.of(2023, 1, 1);
        List<ClvTransaction> transactions = new java.util.ArrayList<>();
        for (int c = 0; c < 30_000; c++) {
            java.time.LocalDate first = start.plusDays(random.nextInt(500));
            int orders = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(8);
            java.time.LocalDate day = first;
            for (int k = 0; k < orders && day.isBefore(start.plusDays(540)); k++) {
                transactions.add(new ClvTransaction(
                        "C" + c, day, java.math.BigDecimal.valueOf(1_000 + random.nextInt(40_000), 2)));
                day = day.plusDays(1 + random.nextInt(60));
            }
        }
        CalibrationSummary summary =
                CalibrationSummary.fromTransactions(transactions, start.plusDays(540), ClvTimeUnit.DAYS);
        assertThat(summary.patterns().size()).isGreaterThan(2 * 4_096);
        ClvModels models = ClvAnalysis.fitForScoring(summary);
        assertThat(models.usesModels()).isTrue();
        ScoringOptions options = ScoringOptions.defaults();
        assertThat(ClvAnalysis.score(summary, models, options))
                .isEqualTo(ReferenceClvScoring.score(summary, models, options));
    }
}
