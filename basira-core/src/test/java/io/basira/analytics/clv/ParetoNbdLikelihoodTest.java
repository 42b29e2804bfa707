package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.SplittableRandom;
import org.hipparchus.special.Gamma;
import org.junit.jupiter.api.Test;

/**
 * The Pareto/NBD likelihood, which evaluates its hypergeometric term once per distinct (x, t) and spreads large
 * stores over threads, gives exactly the double of the note's formula evaluated afresh for every pattern.
 */
class ParetoNbdLikelihoodTest {

    /** (r, alpha, s, beta): alpha above beta, alpha far below beta (the connection formula), and c - a - b near 0. */
    private static final double[][] PARAMETERS = {
        {0.55, 10.6, 0.61, 11.7},
        {0.34, 6.55, 20.66, 4474.3},
        {0.9, 40, 1.2, 12},
        {0.5, 3, 0.5, 300},
    };

    @Test
    void equals_the_per_pattern_formula_on_a_small_and_a_large_store() {
        for (int customers : new int[] {300, 60_000}) {
            RepeatPatterns patterns = patterns(customers, new SplittableRandom(customers));
            for (double[] p : PARAMETERS) {
                assertThat(ParetoNbd.logLikelihood(p[0], p[1], p[2], p[3], patterns))
                        .as("%d customers, %s", customers, java.util.Arrays.toString(p))
                        .isEqualTo(perPattern(p[0], p[1], p[2], p[3], patterns));
            }
        }
    }

    @Test
    void the_fixed_hypergeometric_agrees_with_the_function_on_both_paths() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2_000; i++) {
            double a = 0.2 + random.nextDouble() * 60;
            double b = 0.1 + random.nextDouble() * (i % 2 == 0 ? 40 : 2);
            double c = i % 5 == 0 ? a + b + Math.rint(random.nextDouble() * 3) + 0.01 : a + 1;
            GaussHypergeometric.Fixed fixed = new GaussHypergeometric.Fixed(a, b, c);
            for (double z : new double[] {0, 0.3, 0.8, 0.95, 0.951, 0.999, random.nextDouble()}) {
                assertThat(fixed.value(z))
                        .as("2F1(%s, %s; %s; %s)", a, b, c, z)
                        .isCloseTo(GaussHypergeometric.value(a, b, c, z), withinPercentage(1e-10));
            }
            for (double z : new double[] {-0.5, 1, Double.NaN}) {
                assertThat(Double.doubleToLongBits(fixed.value(z)))
                        .as("2F1(%s, %s; %s; %s)", a, b, c, z)
                        .isEqualTo(Double.doubleToLongBits(GaussHypergeometric.value(a, b, c, z)));
            }
        }
    }

    private static RepeatPatterns patterns(int customers, SplittableRandom random) {
        int[] x = new int[customers];
        double[] tx = new double[customers];
        double[] bigT = new double[customers];
        for (int i = 0; i < customers; i++) {
            bigT[i] = 1 + random.nextInt(1_200);
            x[i] = random.nextInt(4) == 0 ? 0 : random.nextInt(30);
            tx[i] = x[i] == 0 ? 0 : random.nextInt((int) bigT[i] + 1);
        }
        return RepeatPatterns.group(x, tx, bigT);
    }

    /** The likelihood as written before the pairs: A0 computed afresh for every pattern. */
    private static double perPattern(double r, double alpha, double s, double beta, RepeatPatterns patterns) {
        double sum = 0;
        for (int k = 0; k < patterns.size(); k++) {
            int x = patterns.x()[k];
            double bigT = patterns.bigT()[k];
            double head = -Gamma.logGamma(r) + r * Math.log(alpha) + s * Math.log(beta) + Gamma.logGamma(r + x);
            double alive = -(r + x) * Math.log(alpha + bigT) - s * Math.log(beta + bigT);
            double died =
                    Math.log(s) - Math.log(r + s + x) + ParetoNbd.logA0(r, alpha, s, beta, x, patterns.tx()[k], bigT);
            sum += patterns.weight()[k] * (head + BgNbd.logAddExp(alive, died));
        }
        return sum;
    }
}
