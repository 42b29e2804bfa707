package io.basira.campaigns.lift;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LiftStatisticsTest {

    @Test
    void the_interval_covers_a_known_true_lift_about_95_times_in_100() {
        double controlRate = 0.05;
        double trueLift = 0.20;
        double treatmentRate = controlRate * (1 + trueLift);
        int seeds = 1000;
        int covered = 0;
        StringBuilder misses = new StringBuilder();
        for (int seed = 1; seed <= seeds; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            ArmResult treatment = simulate(random, 4000, treatmentRate);
            ArmResult control = simulate(random, 1000, controlRate);
            LiftReport report = LiftStatistics.report(treatment, control);
            if (report.lower() <= trueLift && trueLift <= report.upper()) {
                covered++;
            } else if (misses.length() < 200) {
                misses.append(seed).append(' ');
            }
        }
        double coverage = covered / (double) seeds;
        assertThat(coverage)
                .as("coverage over %d seeds; seeds missed (first): %s", seeds, misses)
                .isBetween(0.93, 0.97);
    }

    @Test
    void with_no_true_lift_the_report_says_not_significant_about_95_times_in_100() {
        int notSignificant = 0;
        for (int seed = 1; seed <= 1000; seed++) {
            SplittableRandom random = new SplittableRandom(seed * 7919L);
            LiftReport report = LiftStatistics.report(simulate(random, 3000, 0.08), simulate(random, 3000, 0.08));
            notSignificant += report.verdict() == Verdict.NOT_SIGNIFICANT ? 1 : 0;
        }
        assertThat(notSignificant).isBetween(930, 970);
    }

    @Test
    void a_clear_effect_is_positive_and_the_figures_are_exact() {
        ArmResult treatment = new ArmResult(10_000, 800, 8_000_00L * 100);
        ArmResult control = new ArmResult(10_000, 500, 5_000_00L * 100);
        LiftReport report = LiftStatistics.report(treatment, control);
        assertThat(report.lift()).isCloseTo(0.6, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(report.verdict()).isEqualTo(Verdict.POSITIVE);
        assertThat(report.lower()).isGreaterThan(0.4).isLessThan(0.6);
        assertThat(report.upper()).isGreaterThan(0.6).isLessThan(0.85);
        assertThat(treatment.revenuePerRecipientMinor()).isEqualByComparingTo(new BigDecimal("8000"));
        assertThat(report.revenueDifferenceMinor()).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(new ArmResult(3, 1, 100).revenuePerRecipientMinor()).isEqualTo(new BigDecimal("33.3333"));
    }

    @Test
    void small_groups_and_no_control_give_no_interval_and_say_so() {
        LiftReport small = LiftStatistics.report(new ArmResult(20, 4, 0), new ArmResult(20, 2, 0));
        assertThat(small.verdict()).isEqualTo(Verdict.TOO_SMALL);
        assertThat(small.lower()).isNull();
        assertThat(small.lift()).isEqualTo(1.0);
        LiftReport noControl = LiftStatistics.report(new ArmResult(500, 40, 0), new ArmResult(0, 0, 0));
        assertThat(noControl.verdict()).isEqualTo(Verdict.NO_CONTROL);
        assertThat(noControl.lift()).isNull();
        LiftReport noConversions = LiftStatistics.report(new ArmResult(500, 40, 0), new ArmResult(500, 0, 0));
        assertThat(noConversions.verdict()).isEqualTo(Verdict.TOO_SMALL);
        assertThat(noConversions.lift()).isNull();
    }

    private static ArmResult simulate(SplittableRandom random, int recipients, double rate) {
        int conversions = 0;
        long revenue = 0;
        for (int i = 0; i < recipients; i++) {
            if (random.nextDouble() < rate) {
                conversions++;
                revenue += 5_000 + random.nextInt(20_000);
            }
        }
        return new ArmResult(recipients, conversions, revenue);
    }
}
