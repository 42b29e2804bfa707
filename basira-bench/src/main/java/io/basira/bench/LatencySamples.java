package io.basira.bench;

import java.util.Arrays;

/**
 * Every latency of one load phase, kept whole (a phase at 2,000 requests/s for 30 s is 60,000
 * longs, 480 KB), so percentiles are exact order statistics rather than bucket estimates: the
 * p-quantile is the sample of rank ceil(p × n) (nearest-rank definition). Not thread-safe: callers
 * synchronise {@link #record}.
 */
final class LatencySamples {

    private long[] nanos;
    private int count;
    private int errors;

    LatencySamples(int expected) {
        nanos = new long[Math.max(16, expected)];
    }

    void record(long latencyNanos) {
        if (count == nanos.length) {
            nanos = Arrays.copyOf(nanos, count * 2);
        }
        nanos[count++] = latencyNanos;
    }

    void addAll(LatencySamples other) {
        for (int i = 0; i < other.count; i++) {
            record(other.nanos[i]);
        }
        errors += other.errors;
    }

    void error() {
        errors++;
    }

    int count() {
        return count;
    }

    int errors() {
        return errors;
    }

    /** The nearest-rank quantile, {@code 0 < q <= 1}, in nanoseconds; 0 when empty. */
    long quantile(double q) {
        if (count == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * count);
        return sorted[Math.max(0, Math.min(count, rank) - 1)];
    }

    long max() {
        return quantile(1.0);
    }
}
