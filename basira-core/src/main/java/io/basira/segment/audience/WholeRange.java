package io.basira.segment.audience;

import io.basira.index.ColumnPredicate;
import io.basira.segment.Operator;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * An inclusive range of whole numbers {@code [low, high]}, either end open (null), possibly empty
 * ({@code low > high}): what one comparison means on a column of scaled whole numbers.
 *
 * <p>A literal {@code L} on a field stored with {@code scale} decimals compares with the stored
 * {@code v} as {@code v / 10^scale} with {@code L}, exactly: with {@code x = L * 10^scale},
 * {@code = L} is {@code [ceil x, floor x]} (empty when x is not whole), {@code > L} is
 * {@code >= floor x + 1}, {@code >= L} is {@code >= ceil x}, {@code < L} is {@code <= ceil x - 1} and
 * {@code <= L} is {@code <= floor x}. So {@code total_spent > 10.005} with 2-digit money is
 * {@code >= 1001} minor units and {@code total_spent = 10.005} is empty.
 */
record WholeRange(BigInteger low, BigInteger high) {

    /** Literals beyond ±10^30 are clamped there: far beyond any stored long times any scale. */
    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(30);

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    static WholeRange of(Operator op, BigDecimal literal, int scale) {
        BigDecimal x = clamp(literal).movePointRight(scale);
        BigInteger floor = x.setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
        BigInteger ceil = x.setScale(0, RoundingMode.CEILING).toBigIntegerExact();
        return switch (op) {
            case EQ, NE -> new WholeRange(ceil, floor);
            case GT -> new WholeRange(floor.add(BigInteger.ONE), null);
            case GE -> new WholeRange(ceil, null);
            case LT -> new WholeRange(null, ceil.subtract(BigInteger.ONE));
            case LE -> new WholeRange(null, floor);
            default -> throw new IllegalArgumentException(op.symbol() + " is not a comparison");
        };
    }

    /** {@code from <= value <= to}, both inclusive. */
    static WholeRange between(BigDecimal from, BigDecimal to, int scale) {
        return new WholeRange(of(Operator.GE, from, scale).low, of(Operator.LE, to, scale).high);
    }

    private static BigDecimal clamp(BigDecimal literal) {
        if (literal.abs().compareTo(LIMIT) <= 0) {
            return literal;
        }
        return literal.signum() > 0 ? LIMIT : LIMIT.negate();
    }

    boolean isEmpty() {
        return low != null && high != null && low.compareTo(high) > 0;
    }

    /** The range of {@code offset - value}: how {@code days_since_last_purchase} reads last_purchase_at. */
    WholeRange subtractedFrom(long offset) {
        BigInteger base = BigInteger.valueOf(offset);
        return new WholeRange(high == null ? null : base.subtract(high), low == null ? null : base.subtract(low));
    }

    /** {@code column BETWEEN low AND high} with the ends clamped to longs (an empty range stays empty). */
    ColumnPredicate on(String column) {
        if (isEmpty()
                || (low != null && low.compareTo(LONG_MAX) > 0)
                || (high != null && high.compareTo(LONG_MIN) < 0)) {
            return ColumnPredicate.between(column, 1, 0);
        }
        long lo = low == null || low.compareTo(LONG_MIN) < 0 ? Long.MIN_VALUE : low.longValueExact();
        long hi = high == null || high.compareTo(LONG_MAX) > 0 ? Long.MAX_VALUE : high.longValueExact();
        return ColumnPredicate.between(column, lo, hi);
    }
}
