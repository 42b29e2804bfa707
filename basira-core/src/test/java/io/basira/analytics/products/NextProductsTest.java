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
    private final NextProducts model = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 2, 0, 0, 1));

    @Test
    void repeatableFromTheShareOfBuyersWhoBoughtAgain() {
        assertThat(model.buyers(code("P"))).isEqualTo(2);
        assertThat(model.repeatShare(code("P"))).isEqualTo(0.5);
        assertThat(model.repeatable(code("P"))).isTrue();
        assertThat(model.repeatShare(code("Q"))).isZero();
        assertThat(model.repeatable(code("Q"))).isFalse();
        NextProducts strict = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 3, 0, 0, 1));
        assertThat(strict.repeatable(code("P"))).isFalse();
    }

    @Test
    void leavesOutWhatSheBoughtUnlessRepeatable() {
        List<Suggestion> next = model.scorer().next(baskets.customerRow("c1"), 10);
        assertThat(next)
                .extracting(s -> baskets.productId(s.product()))
                .containsExactlyInAnyOrder("P", "R", "S")
                .doesNotContain("Q");
        // the co-occurrence part is the mean over her history {P, Q}; S from Q alone: C(Q,S) / buyers(Q) / 2
        Suggestion s =
                next.stream().filter(x -> x.product() == code("S")).findFirst().orElseThrow();
        assertThat(s.score()).isCloseTo(1.0 / 3 / 2, within(1e-6));
        // R from both: (C(P,R) / buyers(P) + C(Q,R) / buyers(Q)) / 2
        Suggestion r =
                next.stream().filter(x -> x.product() == code("R")).findFirst().orElseThrow();
        assertThat(r.score()).isCloseTo((1.0 / 2 + 1.0 / 3) / 2, within(1e-6));
        // P: C(Q,P) / buyers(Q) / 2, plus buying it again: (her 2 orders of it - 1 + 2 x share 0.5) / (her 2 orders - 1
        // + 2)
        Suggestion p =
                next.stream().filter(x -> x.product() == code("P")).findFirst().orElseThrow();
        assertThat(p.score()).isCloseTo(1.0 / 3 / 2 + 2.0 / 3, within(1e-6));
        assertThat(p.popular()).isFalse();
        assertThat(next.get(0)).isEqualTo(p);
    }

    @Test
    void keepsWhatSheHerselfBoughtAgainEvenWhenTheStoreRarelyDoes() {
        // P needs 3 buyers to be repeatable store-wide: it is not, but c1 bought it in both her orders
        NextProducts strict = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 3, 0, 0, 1));
        assertThat(strict.repeatable(code("P"))).isFalse();
        List<Suggestion> next = strict.scorer().next(baskets.customerRow("c1"), 10);
        assertThat(next)
                .extracting(s -> baskets.productId(s.product()))
                .contains("P")
                .doesNotContain("Q");
        // c2 bought P once: left out for her
        assertThat(strict.scorer().next(baskets.customerRow("c2"), 10))
                .extracting(s -> baskets.productId(s.product()))
                .doesNotContain("P", "R");
        // no weight on buying again: P scores its co-occurrence with Q alone
        NextProducts noAgain = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 3, 0, 0, 0));
        Suggestion p = noAgain.scorer().next(baskets.customerRow("c1"), 10).stream()
                .filter(x -> x.product() == code("P"))
                .findFirst()
                .orElseThrow();
        assertThat(p.score()).isCloseTo(1.0 / 3 / 2, within(1e-6));
    }

    @Test
    void aHalfLifeWeighsRecentProductsMore() {
        // c1's P was last bought on day 20, her Q on day 10: with a half-life of 10 days Q weighs 1/2, P 1
        NextProducts decayed = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 2, 0, 10, 0));
        List<Suggestion> next = decayed.scorer().next(baskets.customerRow("c1"), 10);
        Suggestion s =
                next.stream().filter(x -> x.product() == code("S")).findFirst().orElseThrow();
        assertThat(s.score()).isCloseTo(0.5 * (1.0 / 3) / 1.5, within(1e-6));
        Suggestion r =
                next.stream().filter(x -> x.product() == code("R")).findFirst().orElseThrow();
        assertThat(r.score()).isCloseTo((1.0 / 2 + 0.5 * (1.0 / 3)) / 1.5, within(1e-6));
    }

    @Test
    void thePriorAddsTheShareOfBuyersWeightedByHowThinTheHistoryIs() {
        NextProducts smoothed = NextProducts.train(baskets, new NextProducts.Options(30, 50, 0.3, 2, 10, 0, 1));
        // c4 owns Q (3 buyers) and S (1 buyer): w = (10/13 + 10/11) / 2; P: C(Q,P)/(3+10) / 2 + w * 2/4
        List<Suggestion> next = smoothed.scorer().next(baskets.customerRow("c4"), 10);
        Suggestion p =
                next.stream().filter(x -> x.product() == code("P")).findFirst().orElseThrow();
        double w = (10.0 / 13 + 10.0 / 11) / 2;
        assertThat(p.score()).isCloseTo(1.0 / 13 / 2 + w * 0.5, within(1e-6));
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
