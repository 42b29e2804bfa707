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
}
