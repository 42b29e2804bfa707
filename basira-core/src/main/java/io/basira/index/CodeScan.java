package io.basira.index;

/**
 * Dictionary code in a set (IN), or not in it (NOT IN), TRUE only on non-null rows. The set holds
 * the codes of the literals the dictionary knew at bind time; codes added later are not in it, and
 * when one of them is a literal of the predicate, {@link BoundPredicate} binds it anew.
 */
final class CodeScan implements Scan {

    private final IntegerStorage codes;
    private final NullMask nulls;
    private final long[] codeBits;
    private final boolean negated;

    CodeScan(IntegerStorage codes, NullMask nulls, long[] codeBits, boolean negated) {
        this.codes = codes;
        this.nulls = nulls;
        this.codeBits = codeBits;
        this.negated = negated;
    }

    @Override
    public boolean test(int row) {
        if (nulls.isNull(row)) {
            return false;
        }
        int code = (int) codes.get(row);
        boolean in = code < (codeBits.length << 6) && (codeBits[code >>> 6] & (1L << code)) != 0;
        return in != negated;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        codes.fillCodes(out, firstRow, words, codeBits);
        Scan.finishLeaf(out, firstRow, words, negated, nulls);
    }
}
