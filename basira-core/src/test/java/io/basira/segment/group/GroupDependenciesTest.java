package io.basira.segment.group;

import static io.basira.segment.fixtures.ProfileBuilder.aCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.segment.Condition;
import io.basira.segment.eval.EvaluationContext;
import io.basira.segment.eval.RuleEvaluator;
import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GroupDependenciesTest {

    private static Map<String, Condition> rules(String... keyAndRule) {
        Map<String, Condition> rules = new LinkedHashMap<>();
        for (int i = 0; i < keyAndRule.length; i += 2) {
            rules.put(keyAndRule[i], RuleText.parse(keyAndRule[i + 1]));
        }
        return rules;
    }

    @Test
    void a_rule_references_the_groups_it_names() {
        assertThat(GroupDependencies.referencedGroups(
                        RuleText.parse("group = 'vip' AND NOT (group IN ('b2b', 'happy')) OR order_count > 1")))
                .containsExactly("vip", "b2b", "happy");
    }

    @Test
    void groups_are_evaluated_after_the_groups_they_name() {
        GroupDependencies dependencies = new GroupDependencies(rules(
                "a", "group = 'b' AND group = 'c'",
                "b", "group = 'c'",
                "c", "order_count > 1",
                "d", "group = 'manual-only'"));
        List<String> order = dependencies.evaluationOrder();
        assertThat(order).containsExactlyInAnyOrder("a", "b", "c", "d");
        assertThat(order.indexOf("c")).isLessThan(order.indexOf("b"));
        assertThat(order.indexOf("b")).isLessThan(order.indexOf("a"));
        assertThat(dependencies.findCycle()).isEmpty();
        assertThat(dependencies.keysWithoutRule()).containsExactly("manual-only");
    }

    @Test
    void a_cycle_is_reported_with_its_path() {
        GroupDependencies dependencies = new GroupDependencies(rules(
                "a", "group = 'b'",
                "b", "order_count > 1 OR group = 'a'",
                "c", "order_count > 1"));
        assertThat(dependencies.findCycle()).contains(List.of("a", "b", "a"));
        assertThatThrownBy(dependencies::evaluationOrder)
                .isInstanceOf(GroupCycleException.class)
                .hasMessage("groups reference each other in a cycle: a → b → a");
    }

    @Test
    void a_group_that_names_itself_is_a_cycle() {
        assertThat(new GroupDependencies(rules("loop", "group = 'loop'")).findCycle())
                .contains(List.of("loop", "loop"));
    }

    @Test
    void a_customer_is_placed_in_groups_in_dependency_order() {
        GroupDependencies dependencies = new GroupDependencies(rules(
                "vip-happy", "group = 'vip' AND group = 'happy'",
                "vip", "total_spent > 1500",
                "happy", "store_rating >= 4",
                "wholesale-vip", "group = 'wholesale' AND group = 'vip'"));
        RuleEvaluator evaluator =
                new RuleEvaluator(new EvaluationContext(LocalDate.of(2024, 6, 15), ZoneId.of("Asia/Riyadh"), 2));
        var customer = aCustomer("c1")
                .orders(2)
                .spent("2000")
                .ratedStore(5)
                .inGroups("wholesale")
                .build();
        assertThat(dependencies.groupsOf(customer, evaluator))
                .containsExactlyInAnyOrder("vip", "happy", "vip-happy", "wholesale-vip");
        var unhappy = aCustomer("c2").orders(2).spent("2000").ratedStore(2).build();
        assertThat(dependencies.groupsOf(unhappy, evaluator)).containsExactly("vip");
    }
}
