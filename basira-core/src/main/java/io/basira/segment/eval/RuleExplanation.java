package io.basira.segment.eval;

import io.basira.segment.And;
import io.basira.segment.Condition;
import io.basira.segment.InGroup;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.text.RuleText;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Why a customer is (or is not) matched by a rule: every leaf condition of the rule, in the order it is
 * written, with its truth for the customer and the value the customer has for its field. The merchant
 * reads {@code total_spent > 1500: held, 1720.00}. A leaf under NOT is reported as itself (a NOT holds when
 * its operand did not). Immutable and thread-safe.
 */
public final class RuleExplanation {

    /**
     * One leaf: its canonical text ({@code total_spent > 1500}), its truth for the customer, and the
     * customer's value as text ({@code 1720.00}, {@code 2024-03-01}, tags and groups comma-separated and
     * sorted), null when the customer has no value.
     */
    public record Leaf(Condition condition, String text, Truth truth, String value) {
        public Leaf {
            Objects.requireNonNull(condition, "condition");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(truth, "truth");
        }

        public boolean held() {
            return truth.isTrue();
        }
    }

    private final EvaluationContext context;
    private final RuleEvaluator evaluator;

    public RuleExplanation(EvaluationContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.evaluator = new RuleEvaluator(context);
    }

    /** The leaves of {@code rule} with their outcome for the customer; {@code memberOf} answers group membership. */
    public List<Leaf> explain(Condition rule, CustomerProfile profile, Predicate<String> memberOf) {
        List<Leaf> leaves = new ArrayList<>();
        collect(rule, profile, memberOf, leaves);
        return leaves;
    }

    private void collect(Condition rule, CustomerProfile profile, Predicate<String> memberOf, List<Leaf> leaves) {
        if (rule instanceof And and) {
            and.operands().forEach(operand -> collect(operand, profile, memberOf, leaves));
        } else if (rule instanceof Or or) {
            or.operands().forEach(operand -> collect(operand, profile, memberOf, leaves));
        } else if (rule instanceof Not not) {
            collect(not.operand(), profile, memberOf, leaves);
        } else {
            Truth truth = evaluator.truth(rule, profile, memberOf);
            String value = rule instanceof InGroup group
                    ? (memberOf.test(group.groupKey()) ? "member" : "not a member")
                    : text(FieldValues.of(rule.field(), profile, context));
            leaves.add(new Leaf(rule, RuleText.print(rule), truth, value));
        }
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof Collection<?> set) {
            TreeSet<String> sorted = new TreeSet<>();
            set.forEach(element -> sorted.add(String.valueOf(element)));
            return String.join(", ", sorted);
        }
        return value.toString();
    }
}
