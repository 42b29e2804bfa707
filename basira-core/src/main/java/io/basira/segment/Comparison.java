package io.basira.segment;

import java.util.Objects;

/**
 * {@code field operator value} with one of {@code = != > >= < <=} on a scalar field; unknown when the
 * customer has no value for the field. A date text given for a date field becomes a {@link Value.DateValue}.
 */
public record Comparison(SegmentField field, Operator operator, Value value) implements Condition {
    public Comparison {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(value, "value");
        if (!operator.isComparison()) {
            throw new IllegalArgumentException(operator.symbol() + " is not a comparison (= != > >= < <=)");
        }
        Scalars.requireScalar(field);
        Typing.requireApplies(field, operator);
        value = Typing.coerce(field, value);
    }
}
