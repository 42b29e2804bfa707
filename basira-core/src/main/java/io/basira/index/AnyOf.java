package io.basira.index;

/** OR of the children's TRUE sets; stops early when every row of the window is already TRUE. */
final class AnyOf implements Scan {

    private final Scan[] children;

    AnyOf(Scan[] children) {
        this.children = children;
    }

    @Override
    public boolean test(int row) {
        for (Scan child : children) {
            if (child.test(row)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean noneIn(int firstRow) {
        for (Scan child : children) {
            if (!child.noneIn(firstRow)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        children[0].fill(out, firstRow, words, scratch, depth + 1);
        long[] tmp = scratch.buffer(depth);
        for (int i = 1; i < children.length; i++) {
            if (allSet(out, words)) {
                return;
            }
            children[i].fill(tmp, firstRow, words, scratch, depth + 1);
            for (int w = 0; w < words; w++) {
                out[w] |= tmp[w];
            }
        }
    }

    private static boolean allSet(long[] bits, int words) {
        long and = -1L;
        for (int w = 0; w < words; w++) {
            and &= bits[w];
        }
        return and == -1L;
    }
}
