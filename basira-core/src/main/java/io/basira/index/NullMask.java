package io.basira.index;

import java.util.Arrays;

/**
 * One bit per row, set when the row has no value in a column. Rows start null; the mask grows
 * with the column. {@link #count()} lets scans skip the null step for columns without nulls.
 */
final class NullMask {

    private long[] words;
    private int count;

    NullMask(int capacityRows) {
        words = new long[capacityRows >>> 6];
        Arrays.fill(words, -1L);
    }

    void grow(int capacityRows, int oldCapacityRows) {
        words = Arrays.copyOf(words, capacityRows >>> 6);
        // New rows are null until a value is written.
        for (int row = oldCapacityRows; row < capacityRows; row += 64) {
            words[row >>> 6] = -1L;
        }
    }

    boolean isNull(int row) {
        return (words[row >>> 6] & (1L << row)) != 0;
    }

    void setNull(int row) {
        long bit = 1L << row;
        long word = words[row >>> 6];
        if ((word & bit) == 0) {
            words[row >>> 6] = word | bit;
            count++;
        }
    }

    void setPresent(int row) {
        long bit = 1L << row;
        long word = words[row >>> 6];
        if ((word & bit) != 0) {
            words[row >>> 6] = word & ~bit;
            count--;
        }
    }

    /** Counts a newly appended row, which starts null. */
    void appended() {
        count++;
    }

    /** Null rows among the rows in use. */
    int count() {
        return count;
    }

    long[] words() {
        return words;
    }

    long heapBytes() {
        return 16L + 8L * words.length;
    }
}
