package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.OrderStatus;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OverviewTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    @Test
    void new_and_returning_customers_revenue_and_rates_of_a_period() {
        StoreFacts facts = aStore().customer("A")
                .customer("B")
                .customer("C")
                .customer("D")
                .order("A", "2024-05-10", 100) // previous period
                .order("A", "2024-06-05", 300) // returning
                .order("B", "2024-06-10", 50)
                .order("B", "2024-06-20", 150) // new, repeats inside the period
                .order("C", "2024-05-20", 80) // previous period only: not retained
                .order("D", "2024-06-15", 40)
                .order("D", "2024-06-16", 999, OrderStatus.CANCELLED, false)
                .order("D", "2024-07-01", 500) // after as-of: does not exist
                .build();
        Overview.Report r = Overview.of(facts, new AnalysisWindow(AS_OF, LocalDate.parse("2024-06-01"), null));
        assertThat(r.orders()).isEqualTo(4);
        assertThat(r.revenue()).isEqualByComparingTo("540.00");
        assertThat(r.buyers()).isEqualTo(3);
        assertThat(r.newCustomers()).isEqualTo(2);
        assertThat(r.returningCustomers()).isEqualTo(1);
        assertThat(r.repeatPurchaseRate()).isEqualByComparingTo("0.6667"); // A and B of A, B, D
        assertThat(r.previousPeriodBuyers()).isEqualTo(2); // A and C, 2024-05-02..05-31
        assertThat(r.retentionRate()).isEqualByComparingTo("0.5");
        assertThat(r.aovNew()).isEqualByComparingTo("80.00"); // (50 + 150 + 40) / 3
        assertThat(r.aovReturning()).isEqualByComparingTo("300.00");
    }

    @Test
    void without_from_the_period_is_the_last_thirty_days() {
        Overview.Report r = Overview.of(aStore().build(), AnalysisWindow.asOf(AS_OF));
        assertThat(r.from()).isEqualTo(LocalDate.parse("2024-06-01"));
        assertThat(r.to()).isEqualTo(AS_OF);
    }

    @Test
    void an_empty_store_has_zeroes_and_undefined_rates() {
        Overview.Report r = Overview.of(aStore().customer("A").build(), AnalysisWindow.asOf(AS_OF));
        assertThat(r.orders()).isZero();
        assertThat(r.revenue()).isEqualByComparingTo("0");
        assertThat(r.repeatPurchaseRate()).isNull();
        assertThat(r.retentionRate()).isNull();
        assertThat(r.aovNew()).isNull();
    }

    @Test
    void an_order_late_in_the_evening_belongs_to_the_store_day() {
        StoreFacts facts = new StoreFacts(
                StoreFactsBuilder.RIYADH,
                java.util.Currency.getInstance("SAR"),
                java.util.List.of(),
                java.util.List.of(OrderFact.of(
                        "A", java.time.Instant.parse("2024-06-30T21:30:00Z"), OrderStatus.COMPLETED, 100, false)));
        assertThat(Overview.of(facts, AnalysisWindow.asOf(AS_OF)).orders()).isZero(); // 00:30 on 1 July in Riyadh
        assertThat(Overview.of(facts, AnalysisWindow.asOf(java.time.LocalDate.of(2024, 7, 1)))
                        .orders())
                .isEqualTo(1);
    }
}
