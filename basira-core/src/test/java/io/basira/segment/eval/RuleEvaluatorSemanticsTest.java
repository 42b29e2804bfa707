package io.basira.segment.eval;

import io.basira.segment.Condition;
import io.basira.segment.RuleSemanticsContract;
import io.basira.segment.text.RuleText;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The single-customer evaluator (checkout) keeps every rule of the contract. */
class RuleEvaluatorSemanticsTest extends RuleSemanticsContract {

    @Override
    protected Set<String> matching(String rule, List<CustomerProfile> customers, EvaluationContext ctx) {
        Condition condition = RuleText.parse(rule);
        RuleEvaluator evaluator = new RuleEvaluator(ctx);
        Set<String> ids = new LinkedHashSet<>();
        for (CustomerProfile customer : customers) {
            if (evaluator.matches(condition, customer)) {
                ids.add(customer.externalId());
            }
        }
        return ids;
    }
}
