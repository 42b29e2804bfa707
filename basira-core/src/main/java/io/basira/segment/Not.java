package io.basira.segment;

import java.util.Objects;

/** True when the operand is false, false when it is true, unknown when it is unknown (SQL's NOT). */
public record Not(Condition operand) implements Condition {
    public Not {
        Objects.requireNonNull(operand, "operand");
    }
}
