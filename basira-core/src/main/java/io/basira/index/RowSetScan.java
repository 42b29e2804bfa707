package io.basira.index;

import java.util.Arrays;
import org.roaringbitmap.PeekableIntIterator;

/** The row is in a {@link RowSet} (or, negated, is not); never UNKNOWN, since membership has no null. */
final class RowSetScan implements Scan {

    private final RowSet set;
    private final boolean negated;

    RowSetScan(RowSet set, boolean negated) {
        this.set = set;
        this.negated = negated;
    }

    @Override
    public boolean test(int row) {
        return set.rows().contains(row) != negated;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        Arrays.fill(out, 0, words, 0L);
        long end = firstRow + 64L * words;
        PeekableIntIterator it = set.rows().getIntIterator();
        it.advanceIfNeeded(firstRow);
        while (it.hasNext()) {
            int row = it.peekNext();
            if (row >= end) {
                break;
            }
            out[(row - firstRow) >>> 6] |= 1L << row;
            it.next();
        }
        if (negated) {
            for (int w = 0; w < words; w++) {
                out[w] = ~out[w];
            }
        }
    }
}
