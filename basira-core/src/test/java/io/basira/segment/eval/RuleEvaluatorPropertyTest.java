package io.basira.segment.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.segment.Condition;
import io.basira.segment.Not;
import io.basira.segment.fixtures.RandomCustomers;
import io.basira.segment.fixtures.RandomRules;
import io.basira.segment.fixtures.ReferenceSemantics;
import io.basira.segment.text.RuleText;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Random rules over random customers: the evaluator agrees with the plain reference, and double negation
 * changes nothing. Each seed is printed in the failure message so that it can be replayed.
 */
class RuleEvaluatorPropertyTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final int RULES_PER_SEED = 150;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 20240615, 29022000})
    void evaluator_agrees_with_the_reference_on_random_rules(long seed) {
        for (LocalDate today :
                List.of(LocalDate.of(2024, 6, 15), LocalDate.of(2025, 2, 28), LocalDate.of(2028, 2, 29))) {
            EvaluationContext ctx = new EvaluationContext(today, RIYADH, 2);
            List<CustomerProfile> customers = new RandomCustomers(seed, today, RIYADH).next(300);
            Map<String, Map<String, Object>> fields = new LinkedHashMap<>();
            customers.forEach(c -> fields.put(c.externalId(), ReferenceSemantics.fields(c, ctx)));
            RandomRules rules = new RandomRules(seed, today);
            int splitting = 0;
            for (int i = 0; i < RULES_PER_SEED; i++) {
                Condition rule = rules.next(3);
                Set<String> matched = matching(rule, customers, ctx);
                assertThat(matched)
                        .as("seed %d, today %s, rule #%d: %s", seed, today, i, RuleText.print(rule))
                        .isEqualTo(ReferenceSemantics.matching(rule, fields, today));
                splitting += matched.isEmpty() || matched.size() == customers.size() ? 0 : 1;
            }
            assertThat(splitting)
                    .as("seed %d: rules that select some but not all customers", seed)
                    .isGreaterThan(RULES_PER_SEED / 3);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void not_not_is_the_rule_itself_and_not_selects_exactly_the_false_ones(long seed) {
        LocalDate today = LocalDate.of(2024, 6, 15);
        EvaluationContext ctx = new EvaluationContext(today, RIYADH, 2);
        List<CustomerProfile> customers = new RandomCustomers(seed, today, RIYADH).next(200);
        RandomRules rules = new RandomRules(seed, today);
        RuleEvaluator evaluator = new RuleEvaluator(ctx);
        for (int i = 0; i < RULES_PER_SEED; i++) {
            Condition rule = rules.next(3);
            String description = "seed " + seed + ", rule #" + i + ": " + RuleText.print(rule);
            assertThat(matching(new Not(new Not(rule)), customers, ctx))
                    .as(description)
                    .isEqualTo(matching(rule, customers, ctx));
            for (CustomerProfile customer : customers) {
                Truth truth = evaluator.truth(rule, customer, customer.groupKeys()::contains);
                assertThat(evaluator.matches(new Not(rule), customer))
                        .as(description)
                        .isEqualTo(truth == Truth.FALSE);
            }
        }
    }

    private static Set<String> matching(Condition rule, List<CustomerProfile> customers, EvaluationContext ctx) {
        RuleEvaluator evaluator = new RuleEvaluator(ctx);
        Set<String> ids = new LinkedHashSet<>();
        customers.stream().filter(c -> evaluator.matches(rule, c)).forEach(c -> ids.add(c.externalId()));
        return ids;
    }
}
