package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.analytics.DiscountSensitivity.Kind;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DiscountSensitivityTest {

    @Test
    void shares_per_buyer_and_the_store_split() {
        StoreFacts facts = aStore().customer("FULL")
                .customer("MIX")
                .customer("OFFER")
                .customer("NONE")
                .order("FULL", "2024-06-01", 100)
                .order("MIX", "2024-06-01", 30)
                .discounted("MIX", "2024-06-02", 10)
                .order("MIX", "2024-06-03", 60)
                .discounted("OFFER", "2024-06-01", 50)
                .build();
        DiscountSensitivity.Report r =
                DiscountSensitivity.of(facts, AnalysisWindow.asOf(LocalDate.parse("2024-06-30")));
        DiscountSensitivity.Buyer mix = r.buyers().stream()
                .filter(b -> b.customerId().equals("MIX"))
                .findFirst()
                .orElseThrow();
        assertThat(mix.kind()).isEqualTo(Kind.MIXED);
        assertThat(mix.orderShare()).isEqualByComparingTo("0.3333");
        assertThat(mix.spendShare()).isEqualByComparingTo("0.1");
        assertThat(r.split()).extracting(DiscountSensitivity.Split::buyers).containsExactly(1, 1, 1);
        assertThat(r.split().get(2).revenueShare()).isEqualByComparingTo("0.2"); // 50 of 250
        assertThat(r.discountedOrderShare()).isEqualByComparingTo("0.4");
        assertThat(r.discountedRevenueShare()).isEqualByComparingTo("0.24");
        assertThat(Kind.OFFER_ONLY.code()).isEqualTo("offer-only");
    }

    @Test
    void an_empty_store_has_an_empty_split() {
        DiscountSensitivity.Report r =
                DiscountSensitivity.of(aStore().build(), AnalysisWindow.asOf(LocalDate.parse("2024-06-30")));
        assertThat(r.buyers()).isEmpty();
        assertThat(r.split()).allSatisfy(s -> assertThat(s.buyerShare()).isNull());
    }
}
