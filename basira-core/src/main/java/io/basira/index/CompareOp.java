package io.basira.index;

/** Comparison operators on an integer column; all are UNKNOWN (never TRUE) on a null value. */
public enum CompareOp {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE;

    /** The operator that is TRUE exactly where this one is FALSE (on non-null values). */
    public CompareOp negate() {
        return switch (this) {
            case EQ -> NE;
            case NE -> EQ;
            case LT -> GE;
            case LE -> GT;
            case GT -> LE;
            case GE -> LT;
        };
    }
}
