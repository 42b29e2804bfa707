package io.basira.index;

/** IS NULL ({@code wantNull}) or IS NOT NULL: never UNKNOWN. */
final class NullScan implements Scan {

    private final NullMask nulls;
    private final boolean wantNull;

    NullScan(NullMask nulls, boolean wantNull) {
        this.nulls = nulls;
        this.wantNull = wantNull;
    }

    @Override
    public boolean test(int row) {
        return nulls.isNull(row) == wantNull;
    }

    @Override
    public boolean noneIn(int firstRow) {
        return wantNull && nulls.count() == 0;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        long[] nullWords = nulls.words();
        int offset = firstRow >>> 6;
        long flip = wantNull ? 0L : -1L;
        for (int w = 0; w < words; w++) {
            out[w] = nullWords[offset + w] ^ flip;
        }
    }
}
