package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.clv.ChurnRisk;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CardAnalyticsTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    @Test
    void every_customer_gets_a_row_and_a_non_buyer_is_a_prospect() {
        StoreFacts facts = aStore().customer("A")
                .customer("B")
                .customer("NEVER")
                .order("A", "2024-01-01", 100)
                .order("A", "2024-03-01", 100)
                .order("A", "2024-05-01", 100)
                .order("B", "2024-06-01", 50)
                .order("LATE", "2024-07-01", 1)
                .build();
        CardAnalytics.Result r = CardAnalytics.compute(facts, AS_OF);
        assertThat(r.customers()).extracting(CustomerAnalytics::customerId).containsExactly("A", "B", "NEVER");
        CustomerAnalytics a = r.customers().get(0);
        assertThat(a.revenuePercentile()).isEqualByComparingTo("100");
        assertThat(a.customerType()).isEqualTo(CustomerType.LOYAL);
        assertThat(a.regularity()).isEqualTo(Regularity.REGULAR);
        assertThat(a.expectedPurchases90d()).isPositive();
        assertThat(r.models().usesModels()).isFalse(); // two buyers: the documented fallback
        assertThat(a.pAlive()).isNull();
        assertThat(a.churnRisk()).isNotEqualTo(ChurnRisk.UNKNOWN);
        CustomerAnalytics never = r.customers().get(2);
        assertThat(never.rfmGroup()).isEqualTo(RfmGroup.PROSPECTS);
        assertThat(never.revenuePercentile()).isNull();
        assertThat(never.expectedPurchases90d()).isNull();
    }

    @Test
    void an_empty_store_does_not_crash() {
        assertThat(CardAnalytics.compute(aStore().build(), AS_OF).customers()).isEmpty();
    }
}
