package io.basira.analytics.products;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The next category of every customer: the scorer's over ten suggestions, none without an order or a category. */
class NextCategoriesTest {

    /**
     * c1: {P,Q} then {P}; c2: {P,R}; c3: {Q,R}; c4: {Q,S}; c5 has a row but no order. P is tea, Q and R cups, S toys.
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
        b.customer("c5");
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
    void every_customer_with_an_order_has_the_scorers_category_over_ten_suggestions() {
        Map<String, String> categories = NextCategories.of(model);
        // c3 owns Q and R (cups): P (tea) from both outscores S (toys) from Q alone
        assertThat(categories).containsEntry("c3", "tea");
        // c4 owns Q and S: P (tea) and R (cups) tie at C = 1 over 3 buyers of Q; the better rank (lower code) wins
        assertThat(categories).containsEntry("c4", "tea");
        NextProducts.Scorer scorer = model.scorer();
        for (String customer : categories.keySet()) {
            int k = scorer.nextCategory(baskets.customerRow(customer), NextCategories.SUGGESTIONS);
            assertThat(categories.get(customer)).as(customer).isEqualTo(baskets.categoryName(k));
        }
        assertThat(categories.keySet()).containsExactlyInAnyOrder("c1", "c2", "c3", "c4");
    }

    @Test
    void a_customer_without_an_order_has_none_although_the_fill_would_suggest_the_most_bought() {
        NextProducts.Scorer scorer = model.scorer();
        int c5 = baskets.customerRow("c5");
        assertThat(scorer.next(c5, 10)).isNotEmpty();
        assertThat(NextCategories.of(scorer, c5)).isNull();
        assertThat(NextCategories.of(scorer, -1)).isNull();
        assertThat(NextCategories.of(model)).doesNotContainKey("c5");
    }

    @Test
    void suggestions_without_a_category_give_none() {
        Baskets.Builder b = Baskets.builder();
        int p = b.product("P", null);
        int q = b.product("Q", " ");
        b.order(b.customer("c1"), 10).line(p, 1).line(q, 1);
        b.order(b.customer("c2"), 10).line(p, 1);
        Baskets plain = b.build();
        assertThat(NextCategories.of(NextProducts.train(plain, NextProducts.Options.DEFAULT)))
                .isEmpty();
    }
}
