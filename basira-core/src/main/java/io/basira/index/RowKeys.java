package io.basira.index;

import java.util.Arrays;

/**
 * External customer keys (long) and their dense row ids, without boxing.
 *
 * <p>Layout: {@code keys[row]} holds each row's key; {@code slots} is an open-addressing table
 * (linear probing, power-of-two size, at most half full) of {@code row + 1}, 0 meaning empty.
 * A lookup hashes the key, then compares {@code keys[slot - 1]}. Cost: 8 bytes per row for the
 * keys plus 4 to 8 bytes per row for the slots. Rows are never removed.
 */
final class RowKeys {

    private long[] keys;
    private int[] slots;
    private int size;

    RowKeys(int capacity) {
        keys = new long[capacity];
        slots = new int[tableSizeFor(capacity)];
    }

    int size() {
        return size;
    }

    long keyOf(int row) {
        return keys[row];
    }

    /** The row of {@code key}, or -1. */
    int rowOf(long key) {
        int mask = slots.length - 1;
        for (int slot = hash(key) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot];
            if (entry == 0) {
                return -1;
            }
            if (keys[entry - 1] == key) {
                return entry - 1;
            }
        }
    }

    /** Appends {@code key} (which must be absent) as row {@link #size()}, growing as needed. */
    int append(long key) {
        int row = size;
        if (row == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(64, row + (row >> 1)));
        }
        keys[row] = key;
        size++;
        if (2L * size > slots.length) {
            rehash(slots.length * 2);
        } else {
            place(row);
        }
        return row;
    }

    private void place(int row) {
        int mask = slots.length - 1;
        int slot = hash(keys[row]) & mask;
        while (slots[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = row + 1;
    }

    private void rehash(int tableSize) {
        slots = new int[tableSize];
        for (int row = 0; row < size; row++) {
            place(row);
        }
    }

    private static int tableSizeFor(int capacity) {
        int wanted = Math.max(16, 2 * capacity);
        return Integer.highestOneBit(wanted - 1) << 1;
    }

    private static int hash(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    long heapBytes() {
        return 32L + 8L * keys.length + 4L * slots.length;
    }
}
