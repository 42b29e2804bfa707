package io.basira.segment.eval;

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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Evaluates a rule for one customer, as at checkout: a direct walk of the tree in SQL's three-valued
 * logic (see {@link Truth}). Group membership is asked of a lookup rather than evaluated here, so a rule
 * that names another group never recurses; the caller computes groups in dependency order
 * ({@code GroupDependencies}). Immutable and thread-safe.
 */
public final class RuleEvaluator {

    private final EvaluationContext context;

    public RuleEvaluator(EvaluationContext context) {
        this.context = Objects.requireNonNull(context, "context");
    }

    /** Whether the customer is matched, with group membership taken from {@link CustomerProfile#groupKeys()}. */
    public boolean matches(Condition rule, CustomerProfile profile) {
        return truth(rule, profile, profile.groupKeys()::contains).isTrue();
    }

    /** Whether the customer is matched, asking {@code memberOf} whether they are in a group (by key). */
    public boolean matches(Condition rule, CustomerProfile profile, Predicate<String> memberOf) {
        return truth(rule, profile, memberOf).isTrue();
    }

    /** The rule's truth value for the customer: unknown when it depends on a missing value. */
    public Truth truth(Condition rule, CustomerProfile profile, Predicate<String> memberOf) {
        if (rule instanceof And and) {
            Truth result = Truth.TRUE;
            for (Condition operand : and.operands()) {
                result = result.and(truth(operand, profile, memberOf));
                if (result == Truth.FALSE) {
                    return result; // false absorbs the rest, unknown or not
                }
            }
            return result;
        }
        if (rule instanceof Or or) {
            Truth result = Truth.FALSE;
            for (Condition operand : or.operands()) {
                result = result.or(truth(operand, profile, memberOf));
                if (result == Truth.TRUE) {
                    return result; // true absorbs the rest, unknown or not
                }
            }
            return result;
        }
        if (rule instanceof Not not) {
            return truth(not.operand(), profile, memberOf).not();
        }
        if (rule instanceof InGroup group) {
            return Truth.of(memberOf.test(group.groupKey()));
        }
        return leaf(rule, FieldValues.of(rule.field(), profile, context));
    }

    private Truth leaf(Condition rule, Object actual) {
        if (rule instanceof IsNull) {
            return Truth.of(actual == null);
        }
        if (rule instanceof IsNotNull) {
            return Truth.of(actual != null);
        }
        if (rule instanceof HasAnyTag tags) {
            return Truth.of(tags.tags().stream().anyMatch(((Set<?>) actual)::contains));
        }
        if (actual == null) {
            return Truth.UNKNOWN;
        }
        if (rule instanceof Comparison c) {
            return Truth.of(c.operator().holds(compare(actual, c.value())));
        }
        if (rule instanceof Between b) {
            return Truth.of(compare(actual, b.from()) >= 0 && compare(actual, b.to()) <= 0);
        }
        In in = (In) rule;
        return Truth.of(in.values().stream().anyMatch(v -> compare(actual, v) == 0));
    }

    /**
     * Compares a field's value with a literal of a type the tree has already checked: numbers exactly,
     * dates by calendar date (relative dates resolved against today), texts by equality only (0 or 1).
     */
    private int compare(Object actual, Value literal) {
        if (actual instanceof BigDecimal number) {
            return number.compareTo(((Value.NumberValue) literal).value());
        }
        if (actual instanceof LocalDate date) {
            return date.compareTo(dateOf(literal));
        }
        return actual.equals(((Value.TextValue) literal).value()) ? 0 : 1;
    }

    private LocalDate dateOf(Value literal) {
        if (literal instanceof Value.RelativeDate relative) {
            return relative.resolve(context.today());
        }
        return ((Value.DateValue) literal).value();
    }
}
