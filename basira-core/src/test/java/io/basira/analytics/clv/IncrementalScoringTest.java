package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Scoring with the predictions made before a few customers changed gives exactly what scoring everyone gives, and
 * takes the unchanged customers' predictions from before.
 */
class IncrementalScoringTest {

    private static final LocalDate START = LocalDate.of(2023, 1, 1);
    private static final LocalDate END = START.plusDays(540);

    @Test
    void after_new_orders_and_new_customers_equals_scoring_everyone() {
        SplittableRandom random = new SplittableRandom(21);
        List<ClvTransaction> transactions = transactions(random, 0, 20_000);
        CalibrationSummary before = CalibrationSummary.fromTransactions(transactions, END, ClvTimeUnit.DAYS);
        ClvModels models = ClvAnalysis.fitForScoring(before);
        assertThat(models.usesModels()).isTrue();
        ScoringOptions options = ScoringOptions.defaults();
        List<CustomerPrediction> scored = ClvAnalysis.score(before, models, options);

        List<ClvTransaction> after = new ArrayList<>(transactions);
        for (int k = 0; k < 40; k++) { // new orders of existing customers, some on a day they already bought
            after.add(new ClvTransaction(
                    "C" + random.nextInt(20_000),
                    START.plusDays(random.nextInt(540)),
                    BigDecimal.valueOf(500 + random.nextInt(20_000), 2)));
        }
        after.addAll(transactions(random, 20_000, 20_030));
        CalibrationSummary now = CalibrationSummary.fromTransactions(after, END, ClvTimeUnit.DAYS);

        List<CustomerPrediction> incremental =
                ClvAnalysis.score(now, models, options, new ClvAnalysis.Scored(before, models, options, scored));
        assertThat(incremental).isEqualTo(ClvAnalysis.score(now, models, options));
        long kept = 0;
        java.util.Map<String, CustomerPrediction> old = new java.util.HashMap<>();
        scored.forEach(p -> old.put(p.customerId(), p));
        for (CustomerPrediction p : incremental) {
            if (old.get(p.customerId()) == p) {
                kept++;
            }
        }
        assertThat(kept).as("predictions taken from before").isGreaterThan(now.size() - 100L);
    }

    @Test
    void other_models_or_options_score_everyone_again() {
        SplittableRandom random = new SplittableRandom(22);
        CalibrationSummary summary =
                CalibrationSummary.fromTransactions(transactions(random, 0, 3_000), END, ClvTimeUnit.DAYS);
        ClvModels models = ClvAnalysis.fitForScoring(summary);
        ScoringOptions options = ScoringOptions.defaults();
        List<CustomerPrediction> scored = ClvAnalysis.score(summary, models, options);
        ScoringOptions discounted = new ScoringOptions(0.10, 0.7, 0.3, 365, 2);
        assertThat(ClvAnalysis.score(
                        summary, models, discounted, new ClvAnalysis.Scored(summary, models, options, scored)))
                .isEqualTo(ClvAnalysis.score(summary, models, discounted));
        ClvModels refitted = ClvAnalysis.fitForScoring(summary);
        List<CustomerPrediction> again =
                ClvAnalysis.score(summary, refitted, options, new ClvAnalysis.Scored(summary, models, options, scored));
        assertThat(again).isEqualTo(scored);
        assertThat(again.get(0)).isNotSameAs(scored.get(0));
    }

    private static List<ClvTransaction> transactions(SplittableRandom random, int from, int to) {
        List<ClvTransaction> out = new ArrayList<>();
        for (int c = from; c < to; c++) {
            LocalDate day = START.plusDays(random.nextInt(500));
            int orders = random.nextInt(3) == 0 ? 1 : 1 + random.nextInt(8);
            for (int k = 0; k < orders && day.isBefore(END); k++) {
                out.add(new ClvTransaction("C" + c, day, BigDecimal.valueOf(1_000 + random.nextInt(40_000), 2)));
                day = day.plusDays(1 + random.nextInt(60));
            }
        }
        return out;
    }
}
