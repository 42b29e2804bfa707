package io.basira.analytics.reference;

import io.basira.analytics.*;
import java.util.Arrays;

/**
 * Scores 1–5 by quintiles with ties at their mid-rank. For a value v among N values, with L values
 * strictly lower and E values equal (v itself included): score = 1 + floor(5 · (L + E/2) / N). Equal values
 * always get equal scores; with N distinct values the scores are the exact quintiles (N = 10: two of each);
 * a single value scores 3. Higher values score higher: negate a value where less is better (recency).
 */
public final class QuintileScores {

    private QuintileScores() {}

    public static int[] of(long[] values) {
        int n = values.length;
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int[] scores = new int[n];
        for (int i = 0; i < n; i++) {
            int lower = boundary(sorted, values[i], false);
            int equal = boundary(sorted, values[i], true) - lower;
            // 1 + floor(5 (L + E/2) / N) = 1 + floor(5 (2L + E) / 2N), in exact integers
            scores[i] = (int) Math.min(5, 1 + (5L * (2L * lower + equal)) / (2L * n));
        }
        return scores;
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
