package io.basira.analytics.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.basira.analytics.products.BoughtTogether.Pair;
import io.basira.analytics.products.BoughtTogether.Thresholds;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoughtTogetherTest {

    private final Baskets baskets = ProductFixtures.fiveOrders();
    private final BoughtTogether counted = BoughtTogether.count(baskets);

    @Test
    void countsOrdersPerProductAndPair() {
        assertThat(counted.orders()).isEqualTo(5);
        assertThat(counted.productOrders(code("A"))).isEqualTo(4);
        assertThat(counted.productOrders(code("B"))).isEqualTo(3);
        assertThat(counted.together(code("A"), code("B"))).isEqualTo(2);
        assertThat(counted.together(code("C"), code("A"))).isEqualTo(2);
        assertThat(counted.together(code("B"), code("C"))).isEqualTo(1);
        assertThat(counted.together(code("A"), code("D"))).isZero();
        assertThat(counted.productPairCount()).isEqualTo(4);
        assertThat(counted.pairOccurrences()).isEqualTo(6);
    }

    @Test
    void supportConfidenceAndLiftAreExact() {
        List<Pair> pairs = counted.productPairs(new Thresholds(2, 0, 0), 10);
        assertThat(pairs).hasSize(2);
        Pair ab = pairs.stream()
                .filter(p -> p.a() == code("A") && p.b() == code("B"))
                .findFirst()
                .orElseThrow();
        assertThat(ab.support()).isEqualTo(0.4);
        assertThat(ab.confidenceAb()).isEqualTo(0.5);
        assertThat(ab.confidenceBa()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(ab.lift()).isCloseTo(10.0 / 12, within(1e-12));
        Pair ac = pairs.stream().filter(p -> p.b() == code("C")).findFirst().orElseThrow();
        assertThat(ac.lift()).isEqualTo(1.25);
        assertThat(ac.confidenceBa()).isEqualTo(1.0);
        // equal counts: the higher lift first
        assertThat(pairs.get(0)).isEqualTo(ac);
    }

    @Test
    void thresholdsFilter() {
        assertThat(counted.productPairs(new Thresholds(1, 0, 0), 10)).hasSize(4);
        assertThat(counted.productPairs(new Thresholds(1, 0, 0.9), 10))
                .extracting(Pair::count)
                .containsExactly(2, 1);
        assertThat(counted.productPairs(new Thresholds(1, 0.3, 0), 10)).hasSize(2);
        assertThat(counted.productPairs(new Thresholds(1, 0, 0), 1)).hasSize(1);
        assertThatThrownBy(() -> new Thresholds(0, 0, 0)).hasMessageContaining("min_count");
        assertThatThrownBy(() -> new Thresholds(1, 0, 1.5)).hasMessageContaining("min_confidence");
    }

    @Test
    void categoryPairsCountOrdersHoldingTheCategory() {
        assertThat(counted.categorisedOrders()).isEqualTo(5);
        List<Pair> pairs = counted.categoryPairs(new Thresholds(1, 0, 0), 10);
        assertThat(pairs).hasSize(1);
        Pair p = pairs.get(0);
        assertThat(baskets.categoryName(p.a())).isEqualTo("food");
        assertThat(p.countA()).isEqualTo(5);
        assertThat(p.countB()).isEqualTo(2);
        assertThat(p.count()).isEqualTo(2);
        assertThat(p.lift()).isEqualTo(1.0);
    }

    @Test
    void alsoBoughtRanksByCountThenLift() {
        List<BoughtTogether.AlsoBought> also = counted.alsoBought(code("A"), new Thresholds(1, 0, 0), 5);
        assertThat(also).extracting(x -> baskets.productId(x.product())).containsExactly("C", "B");
        assertThat(also.get(0).confidence()).isEqualTo(0.5);
        assertThat(counted.alsoBought(code("B"), new Thresholds(1, 0, 0), 5))
                .extracting(x -> baskets.productId(x.product()))
                .containsExactly("A", "D", "C");
        assertThat(counted.alsoBought(code("B"), new Thresholds(1, 0, 0), 1)).hasSize(1);
    }

    @Test
    void linesOfOneProductAreMergedAndOrdersSortedByDay() {
        assertThat(baskets.orderCount()).isEqualTo(5);
        assertThat(baskets.lineStart(1) - baskets.lineStart(0)).isEqualTo(3);
        assertThat(baskets.revenueMinor(baskets.lineStart(0))).isEqualTo(100);
        int z = baskets.customerRow("z");
        assertThat(baskets.day(baskets.orderStart(z))).isEqualTo(99);
        assertThat(baskets.between(100, 101).orderCount()).isEqualTo(2);
    }

    @Test
    void counterGrowsAndKeepsCounts() {
        LongIntCounter counter = new LongIntCounter(4);
        for (int i = 0; i < 10_000; i++) {
            counter.increment(LongIntCounter.pair(i, i + 1));
            counter.increment(LongIntCounter.pair(i + 1, i));
        }
        assertThat(counter.size()).isEqualTo(10_000);
        assertThat(counter.get(LongIntCounter.pair(5000, 5001))).isEqualTo(2);
        assertThat(counter.get(LongIntCounter.pair(5000, 5002))).isZero();
    }

    private int code(String id) {
        return baskets.productCode(id);
    }
}
