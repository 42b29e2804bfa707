package io.basira.segment;

import java.util.List;

/** Checks shared by {@link And} and {@link Or}. */
final class Connectives {

    private Connectives() {}

    static List<Condition> requireOperands(List<Condition> operands, String keyword) {
        if (operands == null || operands.size() < 2) {
            throw new IllegalArgumentException(keyword + " needs at least two conditions");
        }
        return List.copyOf(operands);
    }
}
