package io.basira.analytics;

import java.util.Arrays;

/**
 * Scores 1–5 by quintiles with ties at their mid-rank. For a value v among N values, with L values
 * strictly lower and E values equal (v itself included): score = 1 + floor(5 · (L + E/2) / N). Equal values
 * always get equal scores; with N distinct values the scores are the exact quintiles (N = 10: two of each);
 * a single value scores 3. Higher values score higher: negate a value where less is better (recency).
 */
final class QuintileScores {

    private QuintileScores() {}

    static int[] of(long[] values) {
        int n = values.length;
        if (n == 0) {
            return new int[0];
        }
        long min = values[0];
        long max = values[0];
        for (long v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(n - 1L);
        long span = max - min; // negative when it overflowed
        if (span >= 0 && (span >>> (63 - indexBits)) == 0) {
            return packed(values, min, indexBits);
        }
        return searched(values);
    }

    /**
     * Each value's offset from the least and its position packed in one {@code long} and sorted once: each run of
     * equal values is then one score given to the positions it holds (the common case: a store's spend, order
     * counts and days fit beside a million positions many times over).
     */
    private static int[] packed(long[] values, long min, int indexBits) {
        int n = values.length;
        long mask = (1L << indexBits) - 1;
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = ((values[i] - min) << indexBits) | i;
        }
        Arrays.sort(keys);
        int[] scores = new int[n];
        int start = 0;
        while (start < n) {
            long value = keys[start] >>> indexBits;
            int end = start + 1;
            while (end < n && keys[end] >>> indexBits == value) {
                end++;
            }
            int score = score(start, end - start, n);
            for (int k = start; k < end; k++) {
                scores[(int) (keys[k] & mask)] = score;
            }
            start = end;
        }
        return scores;
    }

    /** Values too far apart to pack: two binary searches per value in a sorted copy. */
    static int[] searched(long[] values) {
        int n = values.length;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int lower = boundary(sorted, values[i], false);
            int equal = boundary(sorted, values[i], true) - lower;
            scores[i] = score(lower, equal, n);
        }
        return scores;
    }

    /** 1 + floor(5 (L + E/2) / N) = 1 + floor(5 (2L + E) / 2N), in exact integers. */
    private static int score(int lower, int equal, int n) {
        return (int) Math.min(5, 1 + (5L * (2L * lower + equal)) / (2L * n));
    }

    /** The number of values below {@code value} (or at most {@code value} when {@code inclusive}). */
    private static int boundary(long[] sorted, long value, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value || (inclusive && sorted[mid] == value)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
