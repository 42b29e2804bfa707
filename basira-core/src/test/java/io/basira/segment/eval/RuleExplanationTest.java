package io.basira.segment.eval;

import static io.basira.segment.fixtures.ProfileBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleExplanationTest {

    private final EvaluationContext context =
            new EvaluationContext(LocalDate.of(2024, 6, 1), ZoneId.of("Asia/Riyadh"), 2);

    @Test
    void every_leaf_is_reported_with_its_truth_and_the_customers_value() {
        CustomerProfile customer = aCustomer("c1").spent("1720.00").orders(4).build();
        var leaves = new RuleExplanation(context)
                .explain(
                        RuleText.parse("total_spent > 1500 OR (order_count > 10 AND NOT (store_rating IS NULL))"),
                        customer,
                        key -> false);
        assertThat(leaves)
                .extracting(RuleExplanation.Leaf::text, RuleExplanation.Leaf::held, RuleExplanation.Leaf::value)
                .containsExactly(
                        tuple("total_spent > 1500", true, "1720.00"),
                        tuple("order_count > 10", false, "4"),
                        tuple("store_rating IS NULL", true, null));
    }

    @Test
    void a_missing_value_makes_a_comparison_unknown_and_dates_read_in_the_store_zone() {
        CustomerProfile customer = aCustomer("c1")
                .lastPurchaseAt("2024-02-29T22:30:00Z")
                .tagged("vip", "b2b")
                .build();
        var leaves = new RuleExplanation(context)
                .explain(
                        RuleText.parse(
                                "last_purchase_at < -90d AND store_rating >= 4 AND tags = 'vip' AND group = 'happy'"),
                        customer,
                        Set.of("happy")::contains);
        assertThat(leaves)
                .extracting(RuleExplanation.Leaf::truth, RuleExplanation.Leaf::value)
                .containsExactly(
                        tuple(Truth.TRUE, "2024-03-01"),
                        tuple(Truth.UNKNOWN, null),
                        tuple(Truth.TRUE, "b2b, vip"),
                        tuple(Truth.TRUE, "member"));
    }
}
