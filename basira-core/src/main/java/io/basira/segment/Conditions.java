package io.basira.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds the leaf for "field operator operands" as both the text parser and the JSON reader see it, so
 * the two forms share one mapping: on {@code tags} (and every other set field), {@code =} is {@link HasAnyTag} of one tag, {@code !=}
 * its {@link Not}, {@code IN} {@link HasAnyTag} of several; on {@code group}, {@code =} is {@link InGroup},
 * {@code !=} its {@link Not}, {@code IN} an {@link Or} of memberships.
 */
public final class Conditions {

    private Conditions() {}

    /**
     * @param operands none for IS NULL / IS NOT NULL, two for BETWEEN, one or more for IN, one otherwise
     * @throws IllegalArgumentException when the operator does not apply to the field or a value does not
     *     fit its type; the message names the field and the value
     */
    public static Condition of(SegmentField field, Operator operator, List<Value> operands) {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        requireArity(operator, operands.size());
        Typing.requireApplies(field, operator);
        if (field.type() == ValueType.TAG_SET) {
            return tagCondition(field, operator, texts(field, operands));
        }
        if (field.type() == ValueType.GROUP) {
            return groupCondition(operator, texts(field, operands));
        }
        return switch (operator) {
            case IS_NULL -> new IsNull(field);
            case IS_NOT_NULL -> new IsNotNull(field);
            case BETWEEN -> new Between(field, operands.get(0), operands.get(1));
            case IN -> new In(field, operands);
            default -> new Comparison(field, operator, operands.get(0));
        };
    }

    private static void requireArity(Operator operator, int count) {
        boolean fits = switch (operator) {
            case IS_NULL, IS_NOT_NULL -> count == 0;
            case BETWEEN -> count == 2;
            case IN -> count >= 1;
            default -> count == 1;
        };
        if (!fits) {
            throw new RuleValueException(RuleError.VALUE_COUNT, operator.symbol(), count);
        }
    }

    private static List<String> texts(SegmentField field, List<Value> operands) {
        List<String> texts = new ArrayList<>();
        for (Value operand : operands) {
            texts.add(((Value.TextValue) Typing.coerce(field, operand)).value());
        }
        return texts;
    }

    private static Condition tagCondition(SegmentField field, Operator operator, List<String> tags) {
        HasAnyTag has = new HasAnyTag(field, tags);
        return operator == Operator.NE ? new Not(has) : has;
    }

    private static Condition groupCondition(Operator operator, List<String> keys) {
        if (keys.size() == 1) {
            InGroup in = new InGroup(keys.get(0));
            return operator == Operator.NE ? new Not(in) : in;
        }
        List<Condition> memberships = new ArrayList<>();
        keys.forEach(key -> memberships.add(new InGroup(key)));
        return new Or(memberships);
    }
}
