package io.basira.index;

/**
 * A bound predicate in negation normal form: {@code Not} has been pushed down to the leaves
 * (De Morgan holds in three-valued logic, and the negation of a leaf is a leaf), so every node
 * only has to produce its TRUE rows — a leaf's TRUE set never contains a null row, and AND/OR
 * of TRUE sets are the TRUE sets of AND/OR. UNKNOWN never has to be materialised.
 *
 * <p>Scans run over a window of {@code words * 64} rows starting at {@code firstRow} (a multiple
 * of 64) and lying inside one 65,536-row chunk (zone maps rely on it), one bit per row. Bits for rows past the end of the index are garbage; the caller masks
 * them off the final result.
 */
sealed interface Scan permits RangeScan, CodeScan, NullScan, TagScan, DatedTagScan, RowSetScan, AllOf, AnyOf {

    /** True when the row is TRUE for this predicate. Allocation-free. */
    boolean test(int row);

    /**
     * True when no row of the 65,536-row chunk starting at {@code firstRow} can be TRUE, known
     * from statistics alone (zone maps, null counts); false when unsure. Lets AND skip a chunk.
     */
    default boolean noneIn(int firstRow) {
        return false;
    }

    /** Writes the TRUE bits of the window into {@code out[0..words)}. */
    void fill(long[] out, int firstRow, int words, Scratch scratch, int depth);

    /** Clears the bits of {@code bits[0..words)} whose rows are not TRUE. */
    default void refine(long[] bits, int firstRow, int words, Scratch scratch, int depth) {
        for (int w = 0; w < words; w++) {
            long word = bits[w];
            long kept = word;
            int base = firstRow + (w << 6);
            while (word != 0) {
                int j = Long.numberOfTrailingZeros(word);
                if (!test(base + j)) {
                    kept &= ~(1L << j);
                }
                word &= word - 1;
            }
            bits[w] = kept;
        }
    }

    /** Inverts the window when {@code negated}, then removes null rows: the end of every leaf fill. */
    static void finishLeaf(long[] out, int firstRow, int words, boolean negated, NullMask nulls) {
        if (negated) {
            for (int w = 0; w < words; w++) {
                out[w] = ~out[w];
            }
        }
        if (nulls.count() > 0) {
            long[] nullWords = nulls.words();
            int offset = firstRow >>> 6;
            for (int w = 0; w < words; w++) {
                out[w] &= ~nullWords[offset + w];
            }
        }
    }
}
