package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.Random;
import org.junit.jupiter.api.Test;

class GaussHypergeometricTest {

    @Test
    void logarithm_closed_form_holds_across_zero_to_one() {
        for (double z : new double[] {0.01, 0.3, 0.75, 0.8, 0.95, 0.999}) {
            // 2F1(1, 1; 2; z) = -ln(1-z)/z; c-a-b = 0 is an integer, so the series path is used.
            assertThat(GaussHypergeometric.value(1, 1, 2, z))
                    .as("z=%s", z)
                    .isCloseTo(-Math.log1p(-z) / z, withinPercentage(1e-9));
        }
    }

    @Test
    void binomial_closed_form_holds_on_the_connection_path_and_for_negative_z() {
        for (double z : new double[] {-3, -0.5, 0.2, 0.8, 0.9, 0.99, 0.9999}) {
            // 2F1(a, b; b; z) = (1-z)^-a, with c-a-b = -0.37 not an integer.
            assertThat(GaussHypergeometric.value(0.37, 2.5, 2.5, z))
                    .as("z=%s", z)
                    .isCloseTo(Math.pow(1 - z, -0.37), withinPercentage(1e-9));
        }
    }

    @Test
    void connection_formula_agrees_with_the_series_on_random_arguments() {
        long seed = Long.getLong("basira.seed", 20261123L);
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            double a = 0.05 + 30 * random.nextDouble();
            double b = 0.05 + 5 * random.nextDouble();
            double c = a + 1;
            double z = 0.951 + 0.045 * random.nextDouble();
            double gap = c - a - b;
            if (Math.abs(gap - Math.rint(gap)) < 0.05) {
                continue;
            }
            double series = GaussHypergeometric.series(a, b, c, z);
            assertThat(GaussHypergeometric.value(a, b, c, z))
                    .as("seed %s: 2F1(%s, %s; %s; %s)", seed, a, b, c, z)
                    .isCloseTo(series, withinPercentage(1e-7));
        }
    }

    @Test
    void undefined_arguments_give_nan_not_a_number_that_looks_right() {
        assertThat(GaussHypergeometric.value(1, 1, 2, 1)).isNaN();
        assertThat(GaussHypergeometric.value(1, 1, -2, 0.5)).isNaN();
    }
}
