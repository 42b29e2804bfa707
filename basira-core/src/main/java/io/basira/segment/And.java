package io.basira.segment;

import java.util.List;

/** True when every operand is true; false when any is false; otherwise unknown. At least two operands. */
public record And(List<Condition> operands) implements Condition {
    public And {
        operands = Connectives.requireOperands(operands, "AND");
    }

    public static And of(Condition... operands) {
        return new And(List.of(operands));
    }
}
