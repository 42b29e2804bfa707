package io.basira.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Grouping customers into (x, t_x, T) patterns, against the plain map it replaced. */
class RepeatPatternsTest {

    private record Triple(int x, double tx, double bigT) {}

    @Test
    void patterns_are_numbered_by_first_appearance_with_their_customer_counts() {
        SplittableRandom random = new SplittableRandom(11);
        for (int customers : new int[] {0, 1, 7, 1_000, 50_000}) {
            int[] x = new int[customers];
            double[] tx = new double[customers];
            double[] bigT = new double[customers];
            for (int i = 0; i < customers; i++) {
                bigT[i] = random.nextBoolean() ? 1 + random.nextInt(400) : (1 + random.nextInt(2_800)) / 7.0;
                x[i] = random.nextInt(3) == 0 ? 0 : random.nextInt(12);
                tx[i] = x[i] == 0 ? 0 : Math.floor(random.nextDouble() * bigT[i]);
            }
            Map<Triple, Integer> expected = new LinkedHashMap<>();
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < customers; i++) {
                int k = expected.computeIfAbsent(new Triple(x[i], tx[i], bigT[i]), t -> expected.size());
                if (k == weights.size()) {
                    weights.add(0);
                }
                weights.set(k, weights.get(k) + 1);
            }
            RepeatPatterns patterns = RepeatPatterns.group(x, tx, bigT);
            assertThat(patterns.size()).isEqualTo(expected.size());
            int k = 0;
            for (Triple t : expected.keySet()) {
                assertThat(new Triple(patterns.x()[k], patterns.tx()[k], patterns.bigT()[k]))
                        .isEqualTo(t);
                assertThat(patterns.weight()[k]).isEqualTo(weights.get(k).doubleValue());
                k++;
            }
            for (int i = 0; i < customers; i++) {
                assertThat(patterns.patternOf(i)).isEqualTo(expected.get(new Triple(x[i], tx[i], bigT[i])));
            }
            RepeatPatterns.Pairs pairs = patterns.pairs();
            for (int p = 0; p < patterns.size(); p++) {
                int slot = pairs.slot()[pairs.ofTx()[p]];
                assertThat(patterns.distinctX()[slot]).isEqualTo(patterns.x()[p]);
                assertThat(patterns.times()[pairs.time()[pairs.ofTx()[p]]]).isEqualTo(patterns.tx()[p]);
                assertThat(patterns.times()[pairs.time()[pairs.ofBigT()[p]]]).isEqualTo(patterns.bigT()[p]);
            }
        }
    }
}
