package io.basira.index;

import java.util.Arrays;

/**
 * The values of one integer-valued column in the narrowest primitive array that holds them.
 *
 * <p>Design: a column starts as {@code byte[]} and widens to {@code short[]}, {@code int[]} and
 * {@code long[]} the first time a value does not fit, so a rating or a count costs one byte per
 * customer and money costs four until some customer passes 2^31 minor units. Only one of the four
 * arrays is non-null. Capacity is always a multiple of 64 so that scans fill whole 64-row words
 * without a bounds check on the last word; values past the last row are 0 and scans mask them.
 * Widening copies the column once; it is amortised over the column's life.
 *
 * <p>The scan loops ({@link #fillRange}, {@link #fillCodes}) write one bit per row, 64 rows per
 * {@code long}, branch-free, one loop per width so the JIT sees a monomorphic primitive loop.
 */
final class IntegerStorage {

    private byte[] bytes;
    private short[] shorts;
    private int[] ints;
    private long[] longs;
    private int width;
    // Zone map: bounds of the values written into each 65,536-row zone. Only ever widened (an
    // overwrite does not shrink them), so they stay true bounds; a scan whose range misses or
    // covers a zone's bounds answers the whole zone without reading it.
    private long[] zoneMin;
    private long[] zoneMax;

    IntegerStorage(int capacity) {
        bytes = new byte[capacity];
        width = 1;
        zoneMin = new long[0];
        zoneMax = new long[0];
        growZones(capacity);
    }

    private void growZones(int capacity) {
        int old = zoneMin.length;
        int zones = (capacity + ZONE_ROWS - 1) / ZONE_ROWS;
        zoneMin = Arrays.copyOf(zoneMin, zones);
        zoneMax = Arrays.copyOf(zoneMax, zones);
        Arrays.fill(zoneMin, old, zones, Long.MAX_VALUE);
        Arrays.fill(zoneMax, old, zones, Long.MIN_VALUE);
    }

    /** Rows per zone of the zone map: one RoaringBitmap container, one scan window. */
    static final int ZONE_ROWS = 1 << 16;

    /** Bytes per value: 1, 2, 4 or 8. */
    int width() {
        return width;
    }

    int capacity() {
        return switch (width) {
            case 1 -> bytes.length;
            case 2 -> shorts.length;
            case 4 -> ints.length;
            default -> longs.length;
        };
    }

    void grow(int capacity) {
        growZones(capacity);
        switch (width) {
            case 1 -> bytes = Arrays.copyOf(bytes, capacity);
            case 2 -> shorts = Arrays.copyOf(shorts, capacity);
            case 4 -> ints = Arrays.copyOf(ints, capacity);
            default -> longs = Arrays.copyOf(longs, capacity);
        }
    }

    long get(int row) {
        return switch (width) {
            case 1 -> bytes[row];
            case 2 -> shorts[row];
            case 4 -> ints[row];
            default -> longs[row];
        };
    }

    void set(int row, long value) {
        int needed = widthOf(value);
        if (needed > width) {
            widen(needed);
        }
        int zone = row >>> 16;
        if (value < zoneMin[zone]) {
            zoneMin[zone] = value;
        }
        if (value > zoneMax[zone]) {
            zoneMax[zone] = value;
        }
        switch (width) {
            case 1 -> bytes[row] = (byte) value;
            case 2 -> shorts[row] = (short) value;
            case 4 -> ints[row] = (int) value;
            default -> longs[row] = value;
        }
    }

    static int widthOf(long value) {
        if (value == (byte) value) {
            return 1;
        }
        if (value == (short) value) {
            return 2;
        }
        return value == (int) value ? 4 : 8;
    }

    private void widen(int newWidth) {
        int capacity = capacity();
        long[] copy = new long[capacity];
        for (int row = 0; row < capacity; row++) {
            copy[row] = get(row);
        }
        bytes = null;
        shorts = null;
        ints = null;
        longs = null;
        width = newWidth;
        switch (newWidth) {
            case 2 -> shorts = new short[capacity];
            case 4 -> ints = new int[capacity];
            default -> longs = new long[capacity];
        }
        for (int row = 0; row < capacity; row++) {
            set(row, copy[row]);
        }
    }

    long heapBytes() {
        return 16L + (long) width * capacity();
    }

    /** True when no value written into the zone of {@code firstRow} lies in [lo, hi]. */
    boolean zoneMisses(int firstRow, long lo, long hi) {
        int zone = firstRow >>> 16;
        return zoneMin[zone] > hi || zoneMax[zone] < lo || lo > hi;
    }

    /** True when every value written into the zone of {@code firstRow} lies in [lo, hi]. */
    boolean zoneWithin(int firstRow, long lo, long hi) {
        int zone = firstRow >>> 16;
        return zoneMin[zone] >= lo && zoneMax[zone] <= hi;
    }

    /**
     * Sets bit {@code j} of {@code out[w]} when {@code lo <= value <= hi} for row
     * {@code firstRow + 64 w + j}, for {@code w < words}. An empty range (lo > hi) sets nothing.
     * The window must lie inside one zone ({@link #ZONE_ROWS} rows, aligned). Null rows' bits are
     * arbitrary (the caller masks them).
     */
    void fillRange(long[] out, int firstRow, int words, long lo, long hi) {
        if (zoneMisses(firstRow, lo, hi)) {
            Arrays.fill(out, 0, words, 0L);
            return;
        }
        if (zoneWithin(firstRow, lo, hi)) {
            Arrays.fill(out, 0, words, -1L);
            return;
        }
        switch (width) {
            case 1 -> fillRangeBytes(bytes, out, firstRow, words, lo, hi);
            case 2 -> fillRangeShorts(shorts, out, firstRow, words, lo, hi);
            case 4 -> fillRangeInts(ints, out, firstRow, words, lo, hi);
            default -> fillRangeLongs(longs, out, firstRow, words, lo, hi);
        }
    }

    // The narrow loops clamp the bounds into int so (v - lo) | (hi - v) cannot overflow: its sign
    // bit is set exactly when v is outside [lo, hi].
    private static void fillRangeBytes(byte[] a, long[] out, int firstRow, int words, long lo, long hi) {
        int l = clampToHalfInt(lo);
        int h = clampToHalfInt(hi);
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                int v = a[row + j];
                word |= (long) ((~((v - l) | (h - v))) >>> 31) << j;
            }
            out[w] = word;
        }
    }

    private static void fillRangeShorts(short[] a, long[] out, int firstRow, int words, long lo, long hi) {
        int l = clampToHalfInt(lo);
        int h = clampToHalfInt(hi);
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                int v = a[row + j];
                word |= (long) ((~((v - l) | (h - v))) >>> 31) << j;
            }
            out[w] = word;
        }
    }

    private static void fillRangeInts(int[] a, long[] out, int firstRow, int words, long lo, long hi) {
        long l = Math.min(Math.max(lo, Long.MIN_VALUE / 2), Long.MAX_VALUE / 2);
        long h = Math.min(Math.max(hi, Long.MIN_VALUE / 2), Long.MAX_VALUE / 2);
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                long v = a[row + j];
                word |= ((~((v - l) | (h - v))) >>> 63) << j;
            }
            out[w] = word;
        }
    }

    private static void fillRangeLongs(long[] a, long[] out, int firstRow, int words, long lo, long hi) {
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                long v = a[row + j];
                word |= (v >= lo & v <= hi ? 1L : 0L) << j;
            }
            out[w] = word;
        }
    }

    /** Clamps into ±2^30: beyond every short value, and an empty range stays empty. */
    private static int clampToHalfInt(long bound) {
        return (int) Math.min(Math.max(bound, Integer.MIN_VALUE / 2), Integer.MAX_VALUE / 2);
    }

    /**
     * Sets bit j of out[w] when the row's value is a code (0 or more) whose bit is set in
     * {@code codeBits}; codes beyond {@code codeBits} are not in the set.
     */
    void fillCodes(long[] out, int firstRow, int words, long[] codeBits) {
        switch (width) {
            case 1 -> fillCodesBytes(bytes, out, firstRow, words, codeBits);
            case 2 -> fillCodesShorts(shorts, out, firstRow, words, codeBits);
            default -> fillCodesInts(ints, out, firstRow, words, codeBits);
        }
    }

    private static void fillCodesBytes(byte[] a, long[] out, int firstRow, int words, long[] codeBits) {
        int limit = codeBits.length << 6;
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                int code = a[row + j];
                word |= (code < limit ? (codeBits[code >>> 6] >>> code) & 1L : 0L) << j;
            }
            out[w] = word;
        }
    }

    private static void fillCodesShorts(short[] a, long[] out, int firstRow, int words, long[] codeBits) {
        int limit = codeBits.length << 6;
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                int code = a[row + j];
                word |= (code < limit ? (codeBits[code >>> 6] >>> code) & 1L : 0L) << j;
            }
            out[w] = word;
        }
    }

    private static void fillCodesInts(int[] a, long[] out, int firstRow, int words, long[] codeBits) {
        int limit = codeBits.length << 6;
        for (int w = 0, row = firstRow; w < words; w++, row += 64) {
            long word = 0;
            for (int j = 0; j < 64; j++) {
                int code = a[row + j];
                word |= (code < limit ? (codeBits[code >>> 6] >>> code) & 1L : 0L) << j;
            }
            out[w] = word;
        }
    }
}
