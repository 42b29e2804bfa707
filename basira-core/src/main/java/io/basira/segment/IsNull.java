package io.basira.segment;

import java.util.Objects;

/** True exactly when the customer has no value for the field; never unknown. */
public record IsNull(SegmentField field) implements Condition {
    public IsNull {
        Objects.requireNonNull(field, "field");
        Typing.requireApplies(field, Operator.IS_NULL);
    }
}
