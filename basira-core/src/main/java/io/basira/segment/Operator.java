package io.basira.segment;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The operators of the rule language, as the visual builder lists them.
 *
 * <p>{@link #symbol()} is the text form ({@code >=}, {@code BETWEEN}, {@code IS NULL}), {@link #code()}
 * the JSON form ({@code >=}, {@code between}, {@code is_null}). On {@code tags}, {@code =} means "has the
 * tag", {@code !=} "does not have the tag" and {@code IN} "has any of the tags"; on {@code group} they mean
 * "is / is not a member" and "is a member of any".
 */
public enum Operator {
    EQ("=", "=", "يساوي", "equals", scalarsAndSets()),
    NE("!=", "!=", "لا يساوي", "does not equal", scalarsAndSets()),
    GT(">", ">", "أكبر من", "greater than", ordered()),
    GE(">=", ">=", "أكبر من أو يساوي", "at least", ordered()),
    LT("<", "<", "أقل من", "less than", ordered()),
    LE("<=", "<=", "أقل من أو يساوي", "at most", ordered()),
    BETWEEN("BETWEEN", "between", "بين (شاملًا الحدّين)", "between (inclusive)", ordered()),
    IN("IN", "in", "أحد القيم", "any of", scalarsAndSets()),
    IS_NULL("IS NULL", "is_null", "ليس له قيمة", "has no value", scalars()),
    IS_NOT_NULL("IS NOT NULL", "is_not_null", "له قيمة", "has a value", scalars());

    private final String symbol;
    private final String code;
    private final String labelAr;
    private final String labelEn;
    private final Set<ValueType> appliesTo;

    Operator(String symbol, String code, String labelAr, String labelEn, Set<ValueType> appliesTo) {
        this.symbol = symbol;
        this.code = code;
        this.labelAr = labelAr;
        this.labelEn = labelEn;
        this.appliesTo = appliesTo;
    }

    public String symbol() {
        return symbol;
    }

    public String code() {
        return code;
    }

    public String labelAr() {
        return labelAr;
    }

    public String labelEn() {
        return labelEn;
    }

    /** The value types this operator applies to; unmodifiable. */
    public Set<ValueType> appliesTo() {
        return Set.copyOf(appliesTo);
    }

    public boolean appliesTo(ValueType type) {
        return appliesTo.contains(type);
    }

    /** One of {@code = != > >= < <=}: a {@link Comparison} operator. */
    public boolean isComparison() {
        return ordinal() <= LE.ordinal();
    }

    /** Whether a comparison with this operator holds given {@code a.compareTo(b)}. Only for comparisons. */
    public boolean holds(int comparison) {
        return switch (this) {
            case EQ -> comparison == 0;
            case NE -> comparison != 0;
            case GT -> comparison > 0;
            case GE -> comparison >= 0;
            case LT -> comparison < 0;
            case LE -> comparison <= 0;
            default -> throw new IllegalStateException(this + " is not a comparison");
        };
    }

    /** The operators that apply to {@code type}, in catalogue order. */
    public static List<Operator> applicableTo(ValueType type) {
        return Arrays.stream(values()).filter(op -> op.appliesTo(type)).toList();
    }

    /** The operator with JSON code {@code code} ({@code between}), case-insensitive. */
    public static Optional<Operator> byCode(String code) {
        return Arrays.stream(values())
                .filter(op -> op.code.equalsIgnoreCase(code))
                .findFirst();
    }

    private static Set<ValueType> ordered() {
        return EnumSet.of(ValueType.INTEGER, ValueType.DECIMAL, ValueType.MONEY, ValueType.DATE, ValueType.DATE_TIME);
    }

    private static Set<ValueType> scalars() {
        EnumSet<ValueType> all = EnumSet.allOf(ValueType.class);
        all.removeIf(type -> !type.isScalar());
        return all;
    }

    private static Set<ValueType> scalarsAndSets() {
        return EnumSet.allOf(ValueType.class);
    }
}
