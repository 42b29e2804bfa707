package io.basira.segment;

import java.util.List;
import java.util.Objects;

/** {@code field IN (values)}: the field equals one of the values; unknown when the customer has no value. */
public record In(SegmentField field, List<Value> values) implements Condition {
    public In {
        Objects.requireNonNull(field, "field");
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("IN needs at least one value");
        }
        Scalars.requireScalar(field);
        values = values.stream()
                .map(v -> Typing.coerce(field, Objects.requireNonNull(v, "value")))
                .toList();
    }
}
