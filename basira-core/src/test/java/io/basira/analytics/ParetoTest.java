package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ParetoTest {

    private static final AnalysisWindow WINDOW = AnalysisWindow.asOf(LocalDate.parse("2024-06-30"));

    @Test
    void the_top_share_takes_ceil_of_x_percent_of_buyers() {
        StoreFactsBuilder b = aStore();
        for (int i = 1; i <= 10; i++) {
            b.customer("C" + i).order("C" + i, "2024-06-01", i * 10L); // 10..100, total 550
        }
        Pareto.Report r = Pareto.of(b.customer("NOBODY").build(), WINDOW);
        assertThat(r.buyers()).isEqualTo(10);
        assertThat(r.top()).extracting(Pareto.TopShare::customers).containsExactly(1, 1, 1, 2, 5);
        assertThat(r.top().get(3).revenueShare()).isEqualByComparingTo("0.3455"); // (100 + 90) / 550
        assertThat(r.top().get(4).revenueShare()).isEqualByComparingTo("0.7273"); // 400 / 550
        assertThat(r.curve()).hasSize(101);
        assertThat(r.curve().get(0).revenueShare()).isEqualByComparingTo("0");
        assertThat(r.curve().get(100).revenueShare()).isEqualByComparingTo("1");
        assertThat(r.revenuePercentiles())
                .containsEntry("C10", new java.math.BigDecimal("100.00"))
                .containsEntry("C1", new java.math.BigDecimal("10.00"))
                .doesNotContainKey("NOBODY");
    }

    @Test
    void equal_spenders_share_the_best_rank() {
        StoreFacts facts = aStore().customer("A")
                .customer("B")
                .customer("C")
                .customer("D")
                .order("A", "2024-06-01", 50)
                .order("B", "2024-06-01", 50)
                .order("C", "2024-06-01", 50)
                .order("D", "2024-06-01", 10)
                .build();
        Pareto.Report r = Pareto.of(facts, WINDOW);
        assertThat(r.revenuePercentiles().get("A")).isEqualByComparingTo("100");
        assertThat(r.revenuePercentiles().get("C")).isEqualByComparingTo("100");
        assertThat(r.revenuePercentiles().get("D")).isEqualByComparingTo("25");
    }

    @Test
    void one_customer_is_the_whole_curve_and_an_empty_store_has_none() {
        Pareto.Report one =
                Pareto.of(aStore().customer("A").order("A", "2024-06-01", 5).build(), WINDOW);
        assertThat(one.top()).allSatisfy(t -> assertThat(t.revenueShare()).isEqualByComparingTo("1"));
        Pareto.Report empty = Pareto.of(aStore().build(), WINDOW);
        assertThat(empty.buyers()).isZero();
        assertThat(empty.curve()).isEmpty();
        assertThat(empty.top()).allSatisfy(t -> assertThat(t.revenueShare()).isNull());
    }
}
