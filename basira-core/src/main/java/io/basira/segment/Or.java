package io.basira.segment;

import java.util.List;

/** True when any operand is true; false when every one is false; otherwise unknown. At least two operands. */
public record Or(List<Condition> operands) implements Condition {
    public Or {
        operands = Connectives.requireOperands(operands, "OR");
    }

    public static Or of(Condition... operands) {
        return new Or(List.of(operands));
    }
}
