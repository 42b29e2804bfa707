package io.basira.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The packed sort gives every value the score the definition's two counts give it. */
class QuintileScoresTest {

    @Test
    void packed_scores_equal_the_counted_ones_on_random_values_with_ties() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            int n = 1 + random.nextInt(2_000);
            long[] values = new long[n];
            int kind = round % 4;
            for (int i = 0; i < n; i++) {
                values[i] = switch (kind) {
                    case 0 -> random.nextInt(6); // order counts: a few values, many ties
                    case 1 -> random.nextLong() >> 20; // wide spend, negative too (negated recency)
                    case 2 -> -random.nextInt(1_200); // days, negated
                    default -> random.nextInt(1_000_000_000);
                };
            }
            assertThat(QuintileScores.of(values))
                    .as("round %d", round)
                    .containsExactly(QuintileScores.searched(values));
        }
    }

    @Test
    void values_too_far_apart_to_pack_are_scored_the_same_way() {
        long[] values = {Long.MIN_VALUE, -1, 0, 7, Long.MAX_VALUE, 7, Long.MIN_VALUE};
        assertThat(QuintileScores.of(values)).containsExactly(QuintileScores.searched(values));
        assertThat(QuintileScores.of(new long[] {42})).containsExactly(3);
        assertThat(QuintileScores.of(new long[0])).isEmpty();
        assertThat(QuintileScores.of(new long[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}))
                .containsExactly(1, 1, 2, 2, 3, 3, 4, 4, 5, 5);
    }
}
