package io.basira.analytics.products;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NextProductEvaluationTest {

    @Test
    void hitsAndRecallArithmetic() {
        int[] relevant = {2, 3, 9};
        assertThat(NextProductEvaluation.hits(new int[] {1, 2, 3}, relevant)).isEqualTo(2);
        assertThat(NextProductEvaluation.recall(new int[] {1, 2, 3}, relevant)).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(NextProductEvaluation.recall(new int[] {4}, relevant)).isZero();
        assertThat(NextProductEvaluation.recall(new int[] {4}, new int[0])).isZero();
    }

    @Test
    void leadsComeWithTheStandardErrorOfThePairedDifferences() {
        // three test customers, each with history {tea} and a test order: x and y buy cup (the model's and the
        // baseline's first suggestion alike), z buys pot (neither suggests it): every paired difference is 0
        Baskets.Builder b = Baskets.builder();
        int tea = b.product("tea", null);
        int cup = b.product("cup", null);
        int pot = b.product("pot", null);
        int w = b.customer("w");
        b.order(w, 1).line(tea, 1).line(cup, 1);
        for (String id : new String[] {"x", "y", "z"}) {
            int c = b.customer(id);
            b.order(c, 1).line(tea, 1);
            b.order(c, 20).line(id.equals("z") ? pot : cup, 1);
        }
        NextProductEvaluation.Result r =
                NextProductEvaluation.run(b.build(), 10, 30, new NextProducts.Options(30, 50, 0.3, 5, 0, 0, 1), 1);
        assertThat(r.model().customers()).isEqualTo(3);
        assertThat(r.model().hitRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.popularity().hitRate()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.overPopularity().hitRate()).isZero();
        assertThat(r.overPopularity().hitRateError()).isZero();
        // the most bought is tea, bought by nobody in the test period: differences 1, 1, 0
        assertThat(r.overMostBought().hitRate()).isCloseTo(2.0 / 3, within(1e-12));
        // sample variance of (1, 1, 0) is 1/3; standard error sqrt(1/3 / 3) = 1/3
        assertThat(r.overMostBought().hitRateError()).isCloseTo(1.0 / 3, within(1e-12));
    }

    @Test
    void timeSplitCountsOnlyCustomersWithHistoryAndTestOrders() {
        Baskets.Builder b = Baskets.builder();
        int tea = b.product("tea", null);
        int cup = b.product("cup", null);
        int pot = b.product("pot", null);
        int a = b.customer("a");
        int c = b.customer("c");
        int d = b.customer("d");
        b.order(a, 1).line(tea, 1).line(cup, 1);
        b.order(c, 1).line(tea, 1);
        b.order(c, 20).line(cup, 1).line(pot, 1);
        b.order(d, 20).line(pot, 1);
        NextProductEvaluation.Result r =
                NextProductEvaluation.run(b.build(), 10, 30, new NextProducts.Options(30, 50, 0.3, 5, 0, 0, 1), 1);
        assertThat(r.trainOrders()).isEqualTo(2);
        assertThat(r.testOrders()).isEqualTo(2);
        // only c: history {tea}, test {cup, pot}; the model suggests cup (co-bought with tea), recall 1/2
        assertThat(r.model().customers()).isEqualTo(1);
        assertThat(r.model().hitRate()).isEqualTo(1.0);
        assertThat(r.model().recall()).isEqualTo(0.5);
        // popularity: tea 2 buyers (owned), cup 1 buyer: also cup
        assertThat(r.popularity().recall()).isEqualTo(0.5);
        // the plain most bought (nothing left out): tea, which she does not buy in the test period
        assertThat(r.mostBought().hitRate()).isZero();
        assertThat(r.overMostBought().hitRate()).isEqualTo(1.0);
        assertThat(r.overMostBought().recall()).isEqualTo(0.5);
        assertThat(r.overPopularity().hitRate()).isZero();
        assertThat(r.overPopularity().hitRateError()).isZero();
        assertThatThrownBy(() -> NextProductEvaluation.run(b.build(), 10, 5, NextProducts.Options.DEFAULT, 1))
                .hasMessageContaining("before it starts");
    }
}
