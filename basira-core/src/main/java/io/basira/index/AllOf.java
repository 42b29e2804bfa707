package io.basira.index;

import java.util.Arrays;

/**
 * AND of the children's TRUE sets, left to right. After each child the survivors are counted:
 * none left ends the window early; few left (under 1 in {@value #REFINE_RATIO}) tests only the
 * survivors row by row instead of scanning the next child's whole window.
 */
final class AllOf implements Scan {

    static final int REFINE_RATIO = 8;

    private final Scan[] children;

    AllOf(Scan[] children) {
        this.children = children;
    }

    @Override
    public boolean test(int row) {
        for (Scan child : children) {
            if (!child.test(row)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean noneIn(int firstRow) {
        for (Scan child : children) {
            if (child.noneIn(firstRow)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void fill(long[] out, int firstRow, int words, Scratch scratch, int depth) {
        if (noneIn(firstRow)) {
            Arrays.fill(out, 0, words, 0L);
            return;
        }
        children[0].fill(out, firstRow, words, scratch, depth + 1);
        for (int i = 1; i < children.length; i++) {
            long survivors = 0;
            for (int w = 0; w < words; w++) {
                survivors += Long.bitCount(out[w]);
            }
            if (survivors == 0) {
                return;
            }
            if (survivors * REFINE_RATIO < 64L * words) {
                children[i].refine(out, firstRow, words, scratch, depth + 1);
            } else {
                long[] tmp = scratch.buffer(depth);
                children[i].fill(tmp, firstRow, words, scratch, depth + 1);
                for (int w = 0; w < words; w++) {
                    out[w] &= tmp[w];
                }
            }
        }
    }

    @Override
    public void refine(long[] bits, int firstRow, int words, Scratch scratch, int depth) {
        for (Scan child : children) {
            child.refine(bits, firstRow, words, scratch, depth + 1);
        }
    }
}
