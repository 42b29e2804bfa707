package io.basira.segment;

import java.util.Objects;

/**
 * {@code from <= field <= to}, both bounds inclusive, on a number or date field; unknown when the
 * customer has no value. A range whose {@code from} is after {@code to} matches nobody, as in SQL.
 */
public record Between(SegmentField field, Value from, Value to) implements Condition {
    public Between {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Typing.requireApplies(field, Operator.BETWEEN);
        from = Typing.coerce(field, from);
        to = Typing.coerce(field, to);
    }
}
