package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The money of a prediction equals the decimal of the double rounded half-even, on and beside every half. */
class ClvMoneyTest {

    @Test
    void equals_the_decimal_rounding_for_random_amounts_and_halves_at_every_scale() {
        SplittableRandom random = new SplittableRandom(3);
        for (int scale = 0; scale <= 6; scale++) {
            double unit = Math.pow(10, -scale);
            for (int i = 0; i < 200_000; i++) {
                double amount = switch (i % 4) {
                    case 0 -> random.nextDouble() * Math.pow(10, random.nextInt(13));
                    case 1 -> (random.nextLong(1_000_000_000L) + 0.5) * unit; // on a half, as near as a double gets
                    case 2 -> Math.nextUp((random.nextInt(1_000_000) + 0.5) * unit);
                    default -> Math.nextDown((random.nextInt(1_000_000) + 0.5) * unit);
                };
                check(amount, scale);
            }
            for (double amount : new double[] {0, 0.125, 0.375, 2.5, 0.005, 1.005, 1e11, 1e12 + 0.5, 99_999.995}) {
                check(amount, scale);
            }
        }
    }

    private static void check(double amount, int scale) {
        BigDecimal expected = BigDecimal.valueOf(amount).setScale(scale, RoundingMode.HALF_EVEN);
        BigDecimal actual = ClvScoring.money(amount, scale);
        assertThat(actual).as("%s at scale %d", amount, scale).isEqualTo(expected);
        assertThat(actual.scale()).isEqualTo(scale);
    }
}
