package io.basira.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A fixed list of choices with relative weights, drawn in O(log n) by binary search over the
 * cumulative weights. Immutable and thread-safe; the randomness comes from the caller's generator.
 */
final class Weighted<T> {

    private final List<T> items;
    private final double[] cumulative;

    private Weighted(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) {
            throw new IllegalArgumentException("need as many positive weights as items, at least one");
        }
        this.items = List.copyOf(items);
        this.cumulative = cumulate(weights);
    }

    /** A builder that takes {@code add(item, weight)} pairs in order. */
    static <T> Builder<T> builder() {
        return new Builder<>();
    }

    T pick(SplittableRandom random) {
        return items.get(indexOf(cumulative, random.nextDouble() * cumulative[cumulative.length - 1]));
    }

    /** Running sums of {@code weights}; every weight must be non-negative and the total positive. */
    static double[] cumulate(double[] weights) {
        double[] sums = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            if (!(weights[i] >= 0)) {
                throw new IllegalArgumentException("weight " + weights[i] + " at " + i + " is not >= 0");
            }
            sum += weights[i];
            sums[i] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("the weights sum to " + sum);
        }
        return sums;
    }

    /** The first index whose running sum exceeds {@code target} (clamped to the last index). */
    static int indexOf(double[] cumulative, double target) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }

    /** Collects items and weights in insertion order. */
    static final class Builder<T> {
        private final List<T> items = new ArrayList<>();
        private final List<Double> weights = new ArrayList<>();

        Builder<T> add(T item, double weight) {
            items.add(item);
            weights.add(weight);
            return this;
        }

        Weighted<T> build() {
            double[] w = new double[weights.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = weights.get(i);
            }
            return new Weighted<>(items, w);
        }
    }
}
