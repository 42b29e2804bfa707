package io.basira.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link LoyaltyProgram#orderPoints}: its long arithmetic for usual totals floors exactly as the BigInteger formula. */
class OrderPointsTest {

    @Test
    void the_long_path_and_the_exact_formula_agree_on_seeded_totals_rates_and_multipliers() {
        Random random = new Random(16);
        for (int i = 0; i < 200_000; i++) {
            long earnPoints = random.nextInt(4) == 0 ? 1_000_000 : 1 + random.nextInt(1000);
            long earnPer = random.nextInt(4) == 0 ? 1_000_000_000L : 1 + random.nextInt(100_000);
            int multiplier = random.nextInt(4) == 0 ? 10_000 : 1000 + random.nextInt(9001);
            long total = switch (random.nextInt(4)) {
                case 0 -> 99_999_999L;
                case 1 -> 100_000_000L + random.nextInt(1_000_000_000);
                default -> 1 + random.nextInt(100_000_000);
            };
            LoyaltyProgram program = new LoyaltyProgram(
                    true,
                    Instant.EPOCH,
                    earnPoints,
                    earnPer,
                    0,
                    0,
                    0,
                    0,
                    TierBasis.SPEND_12M,
                    List.of(),
                    0,
                    0,
                    100,
                    100,
                    0,
                    0,
                    null);
            long exact = BigInteger.valueOf(total)
                    .multiply(BigInteger.valueOf(earnPoints))
                    .multiply(BigInteger.valueOf(multiplier))
                    .divide(BigInteger.valueOf(earnPer).multiply(BigInteger.valueOf(1000)))
                    .longValueExact();
            assertThat(program.orderPoints(total, multiplier))
                    .as("%d × %d × %d / %d", total, earnPoints, multiplier, earnPer)
                    .isEqualTo(exact);
        }
    }
}
