package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ClvAnalysisTest {

    static final CalibrationSummary CDNOW =
            CalibrationSummary.fromTransactions(Cdnow.transactions(), Cdnow.CALIBRATION_END, ClvTimeUnit.WEEKS);
    static final ClvModels MODELS = ClvAnalysis.fit(CDNOW);

    static int indexOf(CalibrationSummary s, String id) {
        for (int i = 0; i < s.size(); i++) {
            if (s.customerId(i).equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no customer " + id);
    }

    @Test
    void the_scoring_fit_completed_with_its_pareto_nbd_is_the_full_fit() {
        ClvModels forScoring = ClvAnalysis.fitForScoring(CDNOW);
        assertThat(forScoring.paretoNbd()).isInstanceOf(ModelFit.Failed.class);

        assertThat(ClvAnalysis.completed(forScoring, CDNOW)).isEqualTo(MODELS);
        assertThat(ClvAnalysis.completed(MODELS, CDNOW)).isSameAs(MODELS);
    }

    @Test
    void cdnow_is_scored_with_the_models() {
        assertThat(MODELS.method()).isEqualTo("bgnbd+gammagamma");
        List<CustomerPrediction> all = ClvAnalysis.score(CDNOW, MODELS, ScoringOptions.defaults());
        assertThat(all).hasSize(2357).allSatisfy(p -> assertThat(p.method()).isEqualTo("bgnbd+gammagamma"));
        int i = indexOf(CDNOW, "1516");
        CustomerPrediction p = all.get(i);
        BgNbd bg = new BgNbd(MODELS.bgNbd().parameters().orElseThrow());
        GammaGamma gg = new GammaGamma(MODELS.gammaGamma().parameters().orElseThrow());
        assertThat(p.probabilityAlive().getAsDouble()).isCloseTo(0.9688523, within(2e-3));
        assertThat(p.expectedPurchases90Days())
                .isCloseTo(bg.conditionalExpectedPurchases(90 / 7.0, 26, CDNOW.tx(i), 31), within(1e-12));
        assertThat(p.expectedPurchases12Months())
                .isCloseTo(bg.conditionalExpectedPurchases(365 / 7.0, 26, CDNOW.tx(i), 31), within(1e-12));
        double value = gg.conditionalExpectedValue(26, CDNOW.mx(i));
        assertThat(p.expectedOrderValue())
                .isEqualByComparingTo(BigDecimal.valueOf(value).setScale(2, java.math.RoundingMode.HALF_EVEN));
        assertThat(p.predictedValue12Months().doubleValue())
                .isCloseTo(value * p.expectedPurchases12Months(), within(0.005));
        assertThat(p.churnRisk()).isEqualTo(ChurnRisk.LOW);
        LocalDate next = p.expectedNextOrder().orElseThrow();
        long n = java.time.temporal.ChronoUnit.DAYS.between(Cdnow.CALIBRATION_END, next);
        assertThat(bg.conditionalExpectedPurchases(n / 7.0, 26, CDNOW.tx(i), 31))
                .isGreaterThanOrEqualTo(1);
        assertThat(bg.conditionalExpectedPurchases((n - 1) / 7.0, 26, CDNOW.tx(i), 31))
                .isLessThan(1);
    }

    @Test
    void a_one_time_buyer_long_ago_is_high_risk_with_no_next_order_in_sight() {
        List<CustomerPrediction> all = ClvAnalysis.score(CDNOW, MODELS, ScoringOptions.defaults());
        CustomerPrediction best = all.get(indexOf(CDNOW, "1516"));
        for (int i = 0; i < CDNOW.size(); i++) {
            if (CDNOW.x(i) == 3 && CDNOW.tx(i) < 2 && CDNOW.bigT(i) > 35) {
                assertThat(all.get(i).churnRisk()).isEqualTo(ChurnRisk.HIGH);
                assertThat(all.get(i).expectedNextOrder()).isEmpty();
                assertThat(all.get(i).predictedValue12Months()).isLessThan(best.predictedValue12Months());
            }
        }
    }

    @Test
    void discounting_lowers_the_twelve_month_value_by_less_than_a_year_of_interest() {
        ScoringOptions discounted = new ScoringOptions(0.10, 0.7, 0.3, 365, 2);
        int i = indexOf(CDNOW, "1516");
        BigDecimal plain = ClvAnalysis.score(CDNOW, MODELS, ScoringOptions.defaults())
                .get(i)
                .predictedValue12Months();
        BigDecimal less = ClvAnalysis.score(CDNOW, MODELS, discounted).get(i).predictedValue12Months();
        assertThat(less).isLessThan(plain);
        assertThat(less.doubleValue()).isGreaterThan(plain.doubleValue() / 1.10);
    }

    @Test
    void models_render_as_the_documented_json() {
        String json = MODELS.toJson();
        assertThat(json)
                .startsWith("{\"bgnbd\":{\"r\":0.24")
                .contains(
                        "\"alpha\":4.41",
                        "\"ll\":-9582.4",
                        "\"paretonbd\":{\"r\":0.55",
                        "\"s\":0.60",
                        "\"beta\":11.",
                        "\"gammagamma\":{\"p\":",
                        "\"gamma\":",
                        "\"ll\":-4055.917",
                        "\"time_unit\":\"weeks\"",
                        "\"method\":\"bgnbd+gammagamma\"")
                .endsWith("}");
    }

    static ClvTransaction buy(String id, LocalDate day, long cents) {
        return new ClvTransaction(id, day, BigDecimal.valueOf(cents, 2));
    }

    @Test
    void a_small_store_falls_back_and_says_so() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        List<ClvTransaction> txs = new ArrayList<>();
        for (int c = 0; c < 20; c++) {
            txs.add(buy("c" + c, end.minusDays(100 + c), 5000));
            if (c < 5) {
                txs.add(buy("c" + c, end.minusDays(10 + c), 3000));
            }
        }
        CalibrationSummary s = CalibrationSummary.fromTransactions(txs, end, ClvTimeUnit.DAYS);
        ClvModels models = ClvAnalysis.fit(s);
        assertThat(models.method()).isEqualTo("fallback:too-few-repeat-buyers");
        assertThat(models.toJson()).contains("\"bgnbd\":{\"failed\":\"too-few-repeat-buyers\"");
        List<CustomerPrediction> all = ClvAnalysis.score(s, models, ScoringOptions.defaults());
        assertThat(all).hasSize(20).allSatisfy(p -> {
            assertThat(p.method()).isEqualTo("fallback:too-few-repeat-buyers");
            assertThat(p.probabilityAlive()).isEmpty();
            assertThat(p.expectedNextOrder()).isEmpty();
            assertThat(p.expectedOrderValue()).isEqualByComparingTo("46.00");
        });
        double rate = 5.0 / s.patterns().meanT() / 20;
        assertThat(all.get(0).expectedPurchases12Months()).isCloseTo(rate * 365, within(1e-9));
        assertThat(all.get(indexOf(s, "c0")).churnRisk()).isEqualTo(ChurnRisk.LOW);
    }

    @Test
    void a_store_with_no_repeat_buyers_has_unknown_risk_and_zero_value() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        CalibrationSummary s =
                CalibrationSummary.fromTransactions(List.of(buy("a", end.minusDays(3), 1000)), end, ClvTimeUnit.DAYS);
        CustomerPrediction p = ClvAnalysis.score(s, ClvAnalysis.fit(s), ScoringOptions.defaults())
                .get(0);
        assertThat(p.churnRisk()).isEqualTo(ChurnRisk.UNKNOWN);
        assertThat(p.predictedValue12Months()).isEqualByComparingTo("0");
    }

    @Test
    void identical_regular_buyers_give_no_interior_maximum_and_fall_back() {
        LocalDate end = LocalDate.of(2024, 6, 30);
        List<ClvTransaction> txs = new ArrayList<>();
        for (int c = 0; c < 60; c++) {
            for (int week = 0; week < 20; week++) {
                txs.add(buy("c" + c, end.minusDays(7 * week), 2000));
            }
        }
        CalibrationSummary s = CalibrationSummary.fromTransactions(txs, end, ClvTimeUnit.WEEKS);
        ClvModels models = ClvAnalysis.fit(s);
        assertThat(models.method()).startsWith("fallback:");
        assertThat(ClvAnalysis.score(s, models, ScoringOptions.defaults()))
                .allSatisfy(p -> assertThat(p.method()).isEqualTo(models.method()));
    }

    @Test
    void clv_is_never_negative_on_random_stores() {
        long seed = Long.getLong("basira.seed", 20261123L);
        Random random = new Random(seed);
        for (int store = 0; store < 15; store++) {
            CalibrationSummary s = randomStore(random);
            try {
                List<CustomerPrediction> all = ClvAnalysis.score(
                        s, ClvAnalysis.fit(s), new ScoringOptions(random.nextDouble() * 0.2, 0.7, 0.3, 365, 2));
                assertThat(all).hasSize(s.size()).allSatisfy(p -> {
                    assertThat(p.predictedValue12Months().signum()).isGreaterThanOrEqualTo(0);
                    assertThat(p.expectedOrderValue().signum()).isGreaterThanOrEqualTo(0);
                    assertThat(p.expectedPurchases90Days()).isLessThanOrEqualTo(p.expectedPurchases12Months() + 1e-12);
                    p.probabilityAlive().ifPresent(a -> assertThat(a).isBetween(0.0, 1.0));
                });
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("seed " + seed + ", store " + store + ": " + e.getMessage(), e);
            }
        }
    }

    static CalibrationSummary randomStore(Random random) {
        LocalDate end = LocalDate.of(2024, 12, 31);
        int customers = 1 + random.nextInt(random.nextBoolean() ? 40 : 400);
        double meanGap = 5 + random.nextInt(120);
        List<ClvTransaction> txs = new ArrayList<>();
        for (int c = 0; c < customers; c++) {
            LocalDate day = end.minusDays(random.nextInt(700));
            double churn = random.nextDouble() * 0.6;
            do {
                txs.add(buy("c" + c, day, random.nextInt(20_000)));
                day = day.plusDays(1 + (long) (-meanGap * Math.log(1 - random.nextDouble())));
            } while (!day.isAfter(end) && random.nextDouble() > churn);
        }
        return CalibrationSummary.fromTransactions(
                txs, end, random.nextBoolean() ? ClvTimeUnit.DAYS : ClvTimeUnit.WEEKS);
    }
}
