package io.basira.segment.text;

import io.basira.segment.And;
import io.basira.segment.Between;
import io.basira.segment.Comparison;
import io.basira.segment.Condition;
import io.basira.segment.HasAnyTag;
import io.basira.segment.In;
import io.basira.segment.InGroup;
import io.basira.segment.IsNotNull;
import io.basira.segment.IsNull;
import io.basira.segment.Not;
import io.basira.segment.Or;
import io.basira.segment.Value;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes a condition tree in canonical text: keywords in capitals, one space around operators, the
 * operand of NOT always in parentheses, and parentheses around an AND or OR nested in one of the same
 * kind, or an OR inside an AND. Reading the output back gives an equal tree.
 */
final class RulePrinter {

    private RulePrinter() {}

    static String print(Condition condition) {
        if (condition instanceof And and) {
            return join(and.operands(), " AND ", true);
        }
        if (condition instanceof Or or) {
            return join(or.operands(), " OR ", false);
        }
        if (condition instanceof Not not) {
            return "NOT (" + print(not.operand()) + ")";
        }
        return leaf(condition);
    }

    private static String join(List<Condition> operands, String keyword, boolean inAnd) {
        return operands.stream()
                .map(c -> needsParentheses(c, inAnd) ? "(" + print(c) + ")" : print(c))
                .collect(Collectors.joining(keyword));
    }

    private static boolean needsParentheses(Condition operand, boolean inAnd) {
        return operand instanceof Or || (inAnd && operand instanceof And);
    }

    private static String leaf(Condition condition) {
        String field = condition.field().fieldName();
        if (condition instanceof Comparison c) {
            return field + " " + c.operator().symbol() + " " + c.value().text();
        }
        if (condition instanceof Between b) {
            return field + " BETWEEN " + b.from().text() + " AND " + b.to().text();
        }
        if (condition instanceof In in) {
            return field + " IN " + list(in.values().stream().map(Value::text).toList());
        }
        if (condition instanceof IsNull) {
            return field + " IS NULL";
        }
        if (condition instanceof IsNotNull) {
            return field + " IS NOT NULL";
        }
        if (condition instanceof HasAnyTag tags) {
            List<String> quoted =
                    tags.tags().stream().map(t -> Value.text(t).text()).toList();
            return tags.tags().size() == 1 ? field + " = " + quoted.get(0) : field + " IN " + list(quoted);
        }
        InGroup group = (InGroup) condition;
        return field + " = " + Value.text(group.groupKey()).text();
    }

    private static String list(List<String> items) {
        return "(" + String.join(", ", items) + ")";
    }
}
