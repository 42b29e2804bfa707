package io.basira.index;

/**
 * {@code lo <= value <= hi} on an integer or code column, or its negation (for {@code !=} and
 * NOT BETWEEN), TRUE only on non-null rows. Every comparison operator is one inclusive range.
 */
final class RangeScan implements Scan {

    private final IntegerStorage values;
    private final NullMask nulls;
    private final long lo;
    private final long hi;
    private final boolean negated;

    RangeScan(IntegerStorage values, NullMask nulls, long lo, long hi, boolean negated) {
        this.values = values;
        this.nulls = nulls;
        this.lo = lo;
        this.hi = hi;
        this.negated = negated;
    }

    @Override
    public boolean test(int row) {
        if (nulls.isNull(row)) {
            return false;
        }
        long v = values.get(row);
        return (v >= lo && v <= hi) != negated;
    }

    @Override
    public boolean noneIn(int firstRow) {
        return negated ? values.zoneWithin(firstRow, lo, hi) : values.zoneMisses(firstRow, lo, hi);
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        values.fillRange(out, firstRow, words, lo, hi);
        Scan.finishLeaf(out, firstRow, words, negated, nulls);
    }

    @Override
    public String toString() {
        return (negated ? "NOT " : "") + "[" + lo + ", " + hi + "]";
    }
}
