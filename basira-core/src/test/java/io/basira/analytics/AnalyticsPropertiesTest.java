package io.basira.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Invariants over seeded random stores; the seed is in the test name and every failure message. */
class AnalyticsPropertiesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    private static StoreFacts randomStore(long seed) {
        Random random = new Random(seed);
        StoreFactsBuilder b = StoreFactsBuilder.aStore();
        int customers = 1 + random.nextInt(300);
        for (int c = 0; c < customers; c++) {
            b.customer("C" + c);
            int orders = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextBoolean() ? 2 : 8);
            for (int o = 0; o < orders; o++) {
                // few distinct amounts so that ties are common
                b.order(
                        "C" + c,
                        AS_OF.minusDays(random.nextInt(400)).toString(),
                        10L * (1 + random.nextInt(6)),
                        io.basira.commerce.OrderStatus.COMPLETED,
                        random.nextInt(3) == 0);
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765, 31337, 777})
    void quintile_scores_are_monotone_tie_consistent_and_within_one_to_five(long seed) {
        Random random = new Random(seed);
        long[] values = new long[1 + random.nextInt(500)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextInt(1 + random.nextInt(50));
        }
        int[] scores = QuintileScores.of(values);
        for (int i = 0; i < values.length; i++) {
            assertThat(scores[i]).as("seed %d", seed).isBetween(1, 5);
            for (int j = 0; j < values.length; j++) {
                if (values[i] == values[j]) {
                    assertThat(scores[i]).as("seed %d: ties", seed).isEqualTo(scores[j]);
                } else if (values[i] < values[j]) {
                    assertThat(scores[i]).as("seed %d: monotone", seed).isLessThanOrEqualTo(scores[j]);
                }
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765, 31337, 777})
    void the_pareto_curve_rises_to_one_and_percentiles_agree_with_strict_ranks(long seed) {
        StoreFacts facts = randomStore(seed);
        Pareto.Report r = Pareto.of(facts, AnalysisWindow.asOf(AS_OF));
        BigDecimal previous = BigDecimal.ZERO;
        for (Pareto.CurvePoint p : r.curve()) {
            assertThat(p.revenueShare())
                    .as("seed %d at %d%%", seed, p.customerPercent())
                    .isGreaterThanOrEqualTo(previous);
            assertThat(p.revenueShare())
                    .as("seed %d: the top p%% hold at least p%%", seed)
                    .isGreaterThanOrEqualTo(BigDecimal.valueOf(p.customerPercent())
                            .movePointLeft(2)
                            .subtract(new BigDecimal("0.0001")));
            previous = p.revenueShare();
        }
        if (r.buyers() > 0) {
            assertThat(previous).as("seed %d", seed).isEqualByComparingTo("1");
            assertThat(r.revenuePercentiles().values())
                    .as("seed %d", seed)
                    .contains(new BigDecimal("100.00"))
                    .allSatisfy(v -> assertThat(v).isBetween(BigDecimal.ZERO, new BigDecimal("100")));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 1234, 98765, 31337, 777})
    void every_customer_is_in_exactly_one_group_type_and_discount_kind(long seed) {
        StoreFacts facts = randomStore(seed);
        AnalysisWindow window = AnalysisWindow.asOf(AS_OF);
        int customers = facts.customerCount();
        assertThat(Rfm.of(facts, window).groups().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("seed %d", seed)
                .isEqualTo(customers);
        CustomerTypes.Report types = CustomerTypes.of(facts, window);
        assertThat(types.types().values().stream().mapToInt(Integer::intValue).sum() + types.nonBuyers())
                .as("seed %d", seed)
                .isEqualTo(customers);
        assertThat(types.regularity().values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .as("seed %d", seed)
                .isEqualTo(types.customers().size());
        DiscountSensitivity.Report d = DiscountSensitivity.of(facts, window);
        assertThat(d.split().stream()
                        .mapToInt(DiscountSensitivity.Split::buyers)
                        .sum())
                .as("seed %d", seed)
                .isEqualTo(d.buyers().size());
        assertThat(CardAnalytics.compute(facts, AS_OF).customers())
                .as("seed %d", seed)
                .hasSize(customers)
                .allSatisfy(c -> {
                    if (c.predictedValue12m() != null) {
                        assertThat(c.predictedValue12m().signum()).isNotNegative();
                    }
                });
    }
}
