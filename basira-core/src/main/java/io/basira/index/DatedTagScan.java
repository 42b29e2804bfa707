package io.basira.index;

import java.util.Arrays;
import org.roaringbitmap.PeekableIntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The row carries any of the given tags on day {@code since} or later (or, negated, none of them); never
 * UNKNOWN: a row without tags is FALSE (negated: TRUE), as its set is empty. Reads only the carriers of the
 * given tags, so its cost follows how many customers ever had them, not the index's size.
 */
final class DatedTagScan implements Scan {

    private final DatedTagColumn column;
    private final int[] codes;
    private final RoaringBitmap[] carriers;
    private final int since;
    private final boolean negated;

    DatedTagScan(DatedTagColumn column, int[] codes, RoaringBitmap[] carriers, int since, boolean negated) {
        this.column = column;
        this.codes = codes;
        this.carriers = carriers;
        this.since = since;
        this.negated = negated;
    }

    @Override
    public boolean test(int row) {
        boolean any = false;
        for (int code : codes) {
            any |= column.day(row, code) >= since;
        }
        return any != negated;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        Arrays.fill(out, 0, words, 0L);
        long end = firstRow + 64L * words;
        for (int i = 0; i < codes.length; i++) {
            PeekableIntIterator it = carriers[i].getIntIterator();
            it.advanceIfNeeded(firstRow);
            while (it.hasNext()) {
                int row = it.peekNext();
                if (row >= end) {
                    break;
                }
                if (column.day(row, codes[i]) >= since) {
                    out[(row - firstRow) >>> 6] |= 1L << row;
                }
                it.next();
            }
        }
        if (negated) {
            for (int w = 0; w < words; w++) {
                out[w] = ~out[w];
            }
        }
    }
}
