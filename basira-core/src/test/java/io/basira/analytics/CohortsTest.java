package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class CohortsTest {

    @Test
    void share_buying_and_revenue_by_month_since_first_order() {
        StoreFacts facts = aStore().customer("A")
                .customer("B")
                .customer("C")
                .order("A", "2024-04-03", 100)
                .order("A", "2024-05-20", 40)
                .order("A", "2024-05-21", 10)
                .order("B", "2024-04-30", 70)
                .order("B", "2024-06-02", 30)
                .order("C", "2024-05-01", 20)
                .build();
        Cohorts.Report r = Cohorts.of(facts, AnalysisWindow.asOf(LocalDate.parse("2024-06-30")));
        assertThat(r.cohorts())
                .extracting(Cohorts.Cohort::month)
                .containsExactly(YearMonth.of(2024, 4), YearMonth.of(2024, 5));
        Cohorts.Cohort april = r.cohorts().get(0);
        assertThat(april.customers()).isEqualTo(2);
        assertThat(april.months()).extracting(Cohorts.CohortMonth::buyers).containsExactly(2, 1, 1);
        assertThat(april.months().get(1).buyerShare()).isEqualByComparingTo("0.5");
        assertThat(april.months().get(1).orders()).isEqualTo(2);
        assertThat(april.months().get(1).revenue()).isEqualByComparingTo("50.00");
        assertThat(april.months().get(0).revenue()).isEqualByComparingTo("170.00");
        assertThat(r.cohorts().get(1).months()).hasSize(2);
    }

    @Test
    void the_period_selects_cohorts_but_later_orders_still_count() {
        StoreFacts facts = aStore().customer("A")
                .customer("B")
                .order("A", "2024-04-03", 100)
                .order("A", "2024-06-03", 100)
                .order("B", "2024-05-03", 1)
                .build();
        Cohorts.Report r = Cohorts.of(
                facts,
                new AnalysisWindow(
                        LocalDate.parse("2024-06-30"), LocalDate.parse("2024-04-01"), LocalDate.parse("2024-04-30")));
        assertThat(r.cohorts()).hasSize(1);
        assertThat(r.cohorts().get(0).months().get(2).buyers()).isEqualTo(1);
    }
}
