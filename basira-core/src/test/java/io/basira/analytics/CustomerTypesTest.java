package io.basira.analytics;

import static io.basira.analytics.StoreFactsBuilder.aStore;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.commerce.OrderStatus;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CustomerTypesTest {

    private static final LocalDate AS_OF = LocalDate.parse("2024-06-30");

    private static Map<String, CustomerTypes.Classified> classify(StoreFacts facts) {
        return CustomerTypes.of(facts, AnalysisWindow.asOf(AS_OF)).customers().stream()
                .collect(Collectors.toMap(CustomerTypes.Classified::customerId, Function.identity()));
    }

    @Test
    void each_rule_in_order() {
        StoreFacts facts = aStore().customer("OFFERS")
                .discounted("OFFERS", "2024-05-01", 10)
                .order("OFFERS", "2024-05-15", 10)
                .customer("MONTHLY")
                .order("MONTHLY", "2024-04-01", 10)
                .order("MONTHLY", "2024-05-01", 10)
                .order("MONTHLY", "2024-06-01", 10)
                .customer("PERFUME")
                .order("PERFUME", "2024-01-01", 10, OrderStatus.COMPLETED, false, Set.of("perfume"))
                .order("PERFUME", "2024-03-01", 10, OrderStatus.COMPLETED, false, Set.of("perfume"))
                .customer("ONCE")
                .order("ONCE", "2024-06-01", 10)
                .customer("LAPSED")
                .order("LAPSED", "2024-01-01", 10)
                .order("LAPSED", "2024-01-11", 10)
                .order("LAPSED", "2024-01-21", 10)
                .customer("NEVER")
                .build();
        Map<String, CustomerTypes.Classified> c = classify(facts);
        assertThat(c.get("OFFERS").type()).isEqualTo(CustomerType.DISCOUNT_DRIVEN);
        assertThat(c.get("MONTHLY").type()).isEqualTo(CustomerType.LOYAL);
        assertThat(c.get("PERFUME").type()).isEqualTo(CustomerType.NEED_SPECIFIC);
        assertThat(c.get("ONCE").type()).isEqualTo(CustomerType.IMPULSIVE);
        assertThat(c.get("LAPSED").type()).isEqualTo(CustomerType.WANDERING); // 161 days since, mean gap 10
        assertThat(c).doesNotContainKey("NEVER");
        CustomerTypes.Report r = CustomerTypes.of(facts, AnalysisWindow.asOf(AS_OF));
        assertThat(r.nonBuyers()).isEqualTo(1);
        assertThat(r.types().values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(5);
    }

    @Test
    void regularity_comes_from_the_coefficient_of_variation_of_gaps() {
        StoreFacts facts = aStore().customer("EVEN")
                .order("EVEN", "2024-01-01", 1)
                .order("EVEN", "2024-01-31", 1)
                .order("EVEN", "2024-03-01", 1)
                .customer("UNEVEN")
                .order("UNEVEN", "2024-01-01", 1)
                .order("UNEVEN", "2024-01-02", 1)
                .order("UNEVEN", "2024-04-01", 1)
                .customer("TWO")
                .order("TWO", "2024-01-01", 1)
                .order("TWO", "2024-02-01", 1)
                .customer("SAMEDAY")
                .order("SAMEDAY", "2024-01-01", 1)
                .order("SAMEDAY", "2024-01-01", 1)
                .build();
        Map<String, CustomerTypes.Classified> c = classify(facts);
        assertThat(c.get("EVEN").regularity()).isEqualTo(Regularity.REGULAR); // gaps 30, 30: CV 0
        assertThat(c.get("EVEN").gapCv()).isZero();
        assertThat(c.get("UNEVEN").regularity()).isEqualTo(Regularity.IRREGULAR); // gaps 1, 90: CV 0.978
        assertThat(c.get("UNEVEN").gapCv()).isCloseTo(89.0 / 2 / 45.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.get("TWO").regularity()).isEqualTo(Regularity.IRREGULAR);
        assertThat(c.get("SAMEDAY").regularity()).isEqualTo(Regularity.ONE_TIME);
    }
}
