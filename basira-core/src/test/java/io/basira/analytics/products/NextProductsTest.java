package io.basira.analytics.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.basira.analytics.products.NextProducts.Suggestion;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextProductsTest {

    /**
     * c1: {P,Q} then {P}; c2: {P,R}; c3: {Q,R}; c4: {Q,S}. P: 2 buyers, 1 bought it twice (share 0.5, repeatable
     * with at least 2 buyers and share 0.3); Q: 3 buyers, none twice (not repeatable).
     */
    private static Baskets shop() {
        Baskets.Builder b = Baskets.builder();
        int p = b.product("P", "tea");
        int q = b.product("Q", "cups");
        int r = b.product("R", "cups");
        int s = b.product("S", "toys");
        int c1 = b.customer("c1");
        int c2 = b.customer("c2");
        int c3 = b.customer("c3");
        int c4 = b.customer("c4");
        b.order(c1, 10).line(p, 1).line(q, 1);
        b.order(c1, 20).line(p, 1);
        b.order(c2, 10).line(p, 1).line(r, 1);
        b.order(c3, 10).line(q, 1).line(r, 1);
        b.order(c4, 10).line(q, 1).line(s, 1);
        return b.build();
    }

    private final Baskets baskets = shop();
    private final NextProducts model = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 2, 0));

    @Test
    void repeatableFromTheShareOfBuyersWhoBoughtAgain() {
        assertThat(model.buyers(code("P"))).isEqualTo(2);
        assertThat(model.repeatShare(code("P"))).isEqualTo(0.5);
        assertThat(model.repeatable(code("P"))).isTrue();
        assertThat(model.repeatShare(code("Q"))).isZero();
        assertThat(model.repeatable(code("Q"))).isFalse();
        NextProducts strict = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 3, 0));
        assertThat(strict.repeatable(code("P"))).isFalse();
    }

    @Test
    void leavesOutWhatSheBoughtUnlessRepeatable() {
        List<Suggestion> next = model.scorer().next(baskets.customerRow("c1"), 10);
        assertThat(next).extracting(s -> baskets.productId(s.product())).containsExactlyInAnyOrder("P", "R", "S")
                .doesNotContain("Q");
        // S from Q alone: C(Q,S) / buyers(Q)
        Suggestion s = next.stream().filter(x -> x.product() == code("S")).findFirst().orElseThrow();
        assertThat(s.score()).isCloseTo(1.0 / 3, within(1e-6));
        // P: its repeat share 0.5 times her 2 orders of it, plus C(Q,P) / buyers(Q)
        Suggestion p = next.stream().filter(x -> x.product() == code("P")).findFirst().orElseThrow();
        assertThat(p.score()).isCloseTo(1 + 1.0 / 3, within(1e-6));
        assertThat(p.popular()).isFalse();
        assertThat(next.get(0)).isEqualTo(p);
    }

    @Test
    void thePriorAddsTheShareOfBuyersWeightedByHowThinTheHistoryIs() {
        NextProducts smoothed = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 2, 10));
        // c4 owns Q (3 buyers) and S (1 buyer): w = 10/13 + 10/11; P: C(Q,P)/(3+10) + w * 2/4
        List<Suggestion> next = smoothed.scorer().next(baskets.customerRow("c4"), 10);
        Suggestion p = next.stream().filter(x -> x.product() == code("P")).findFirst().orElseThrow();
        double w = 10.0 / 13 + 10.0 / 11;
        assertThat(p.score()).isCloseTo(1.0 / 13 + w * 0.5, within(1e-6));
    }

    @Test
    void fillsWithPopularProductsAndBaselineUsesTheSameExclusion() {
        NextProducts.Scorer scorer = model.scorer();
        // c4 owns Q and S; neighbours of Q: P, R (S owned, not repeatable)
        List<Suggestion> next = scorer.next(baskets.customerRow("c4"), 10);
        assertThat(next).extracting(x -> baskets.productId(x.product())).containsExactlyInAnyOrder("P", "R");
        List<Suggestion> popular = scorer.popular(baskets.customerRow("c4"), 10);
        // by buyers: Q 3 (owned), P 2, R 2, S 1 (owned)
        assertThat(popular).extracting(x -> baskets.productId(x.product())).containsExactly("P", "R");
        assertThat(popular).allMatch(Suggestion::popular);
        // the scorer's buffers are clean between customers
        assertThat(scorer.next(baskets.customerRow("c4"), 10)).isEqualTo(next);
    }

    @Test
    void nextCategoryIsTheBestScoredCategory() {
        // c3 owns Q, R (cups): candidates P (tea) from Q and R, S (toys) from Q
        NextProducts.Scorer scorer = model.scorer();
        int k = scorer.nextCategory(baskets.customerRow("c3"), 10);
        assertThat(baskets.categoryName(k)).isEqualTo("tea");
    }

    private int code(String id) {
        return baskets.productCode(id);
    }
}
