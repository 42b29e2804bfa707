package io.basira.index;

import java.util.Arrays;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/** The row carries any of the given tags (or, negated, none of them); UNKNOWN on a tagless row. */
final class TagScan implements Scan {

    private final RoaringBitmap[] rowsByTag;
    private final NullMask nulls;
    private final boolean negated;

    TagScan(RoaringBitmap[] rowsByTag, NullMask nulls, boolean negated) {
        this.rowsByTag = rowsByTag;
        this.nulls = nulls;
        this.negated = negated;
    }

    @Override
    public boolean test(int row) {
        if (nulls.isNull(row)) {
            return false;
        }
        boolean any = false;
        for (RoaringBitmap rows : rowsByTag) {
            any |= rows.contains(row);
        }
        return any != negated;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        Arrays.fill(out, 0, words, 0L);
        long end = firstRow + 64L * words;
        for (RoaringBitmap rows : rowsByTag) {
            PeekableIntIterator it = rows.getIntIterator();
            it.advanceIfNeeded(firstRow);
            while (it.hasNext()) {
                int row = it.peekNext();
                if (row >= end) {
                    break;
                }
                out[(row - firstRow) >>> 6] |= 1L << row;
                it.next();
            }
        }
        Scan.finishLeaf(out, firstRow, words, negated, nulls);
    }
}
