package io.basira.segment;

import java.util.Objects;

/** True exactly when the customer has a value for the field; never unknown. */
public record IsNotNull(SegmentField field) implements Condition {
    public IsNotNull {
        Objects.requireNonNull(field, "field");
        Typing.requireApplies(field, Operator.IS_NOT_NULL);
    }
}
