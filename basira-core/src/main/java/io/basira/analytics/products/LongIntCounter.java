package io.basira.analytics.products;

import java.util.Arrays;

/**
 * Counts per {@code long} key in open addressing (linear probing), without a boxed object per key: the pair
 * counts of {@link BoughtTogether} and {@link NextProducts} (key {@code a << 32 | b}, {@code a < b}). Not
 * thread safe. Key {@link #EMPTY} ({@code -1}) is reserved.
 */
public final class LongIntCounter {

    static final long EMPTY = -1L;

    private long[] keys;
    private int[] counts;
    private int size;
    private int mask;

    public LongIntCounter(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        keys = new long[capacity];
        counts = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    /** The key of an unordered pair of codes, smaller first. */
    public static long pair(int a, int b) {
        return a < b ? ((long) a << 32) | (b & 0xFFFFFFFFL) : ((long) b << 32) | (a & 0xFFFFFFFFL);
    }

    public static int first(long key) {
        return (int) (key >>> 32);
    }

    public static int second(long key) {
        return (int) key;
    }

    /** Adds one to the count of {@code key}. */
    public void increment(long key) {
        int i = slot(key);
        if (keys[i] == EMPTY) {
            keys[i] = key;
            size++;
            if (size * 4 > keys.length * 3) {
                counts[i] = 1;
                grow();
                return;
            }
        }
        counts[i]++;
    }

    /** The count of {@code key}; 0 when never counted. */
    public int get(long key) {
        int i = slot(key);
        return keys[i] == EMPTY ? 0 : counts[i];
    }

    public int size() {
        return size;
    }

    /** Receives each key and its count. */
    @FunctionalInterface
    public interface Visitor {
        void visit(long key, int count);
    }

    /** Calls {@code visitor} for every counted key, in no particular order. */
    public void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                visitor.visit(keys[i], counts[i]);
            }
        }
    }

    private int slot(long key) {
        int i = mix(key) & mask;
        while (keys[i] != EMPTY && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldCounts = counts;
        keys = new long[oldKeys.length * 2];
        counts = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                int j = slot(oldKeys[i]);
                keys[j] = oldKeys[i];
                counts[j] = oldCounts[i];
            }
        }
    }
}
