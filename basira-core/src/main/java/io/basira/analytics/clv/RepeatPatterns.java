package io.basira.analytics.clv;

import java.util.HashMap;
import java.util.Map;

/**
 * Distinct (x, t_x, T) triples with the number of customers sharing each ({@code weight}), and for every
 * customer the index of its triple. Likelihoods and per-customer predictions of the BG/NBD and Pareto/NBD
 * models are computed once per triple. Arrays are exposed read-only by convention: do not modify them.
 */
public final class RepeatPatterns {

    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] weight;
    private final int[] patternOfCustomer;
    private final int[] distinctX;
    private final int[] xSlot;
    private final double[] times;
    private final int[] txAt;
    private final int[] bigTAt;
    private volatile Pairs pairs;

    private RepeatPatterns(int[] x, double[] tx, double[] bigT, double[] weight, int[] patternOfCustomer) {
        this.x = x;
        this.tx = tx;
        this.bigT = bigT;
        this.weight = weight;
        this.patternOfCustomer = patternOfCustomer;
        Map<Integer, Integer> slots = new HashMap<>();
        xSlot = new int[x.length];
        for (int k = 0; k < x.length; k++) {
            xSlot[k] = slots.computeIfAbsent(x[k], v -> slots.size());
        }
        distinctX = new int[slots.size()];
        slots.forEach((value, slot) -> distinctX[slot] = value);
        Map<Double, Integer> at = new HashMap<>();
        txAt = new int[x.length];
        bigTAt = new int[x.length];
        for (int k = 0; k < x.length; k++) {
            txAt[k] = at.computeIfAbsent(tx[k], v -> at.size());
            bigTAt[k] = at.computeIfAbsent(bigT[k], v -> at.size());
        }
        times = new double[at.size()];
        at.forEach((value, i) -> times[i] = value);
    }

    /**
     * Groups customers by their (x, t_x, T), patterns numbered in order of first appearance. An open-addressing table
     * over the triple's bits with a mixed hash: boxed record keys of integer-valued doubles hash into few buckets.
     */
    static RepeatPatterns group(int[] x, double[] tx, double[] bigT) {
        int[] of = new int[x.length];
        int[] gx = new int[x.length];
        double[] gtx = new double[x.length];
        double[] gT = new double[x.length];
        double[] w = new double[x.length];
        int[] table = new int[Integer.highestOneBit(Math.max(2, x.length) * 2 - 1) << 1]; // pattern + 1; 0 is empty
        int mask = table.length - 1;
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            long txBits = Double.doubleToLongBits(tx[i]);
            long bigTBits = Double.doubleToLongBits(bigT[i]);
            int slot = (int) mix(x[i], txBits, bigTBits) & mask;
            int k;
            while (true) {
                int held = table[slot] - 1;
                if (held < 0) {
                    k = n++;
                    table[slot] = k + 1;
                    gx[k] = x[i];
                    gtx[k] = tx[i];
                    gT[k] = bigT[i];
                    break;
                }
                if (gx[held] == x[i]
                        && Double.doubleToLongBits(gtx[held]) == txBits
                        && Double.doubleToLongBits(gT[held]) == bigTBits) {
                    k = held;
                    break;
                }
                slot = (slot + 1) & mask;
            }
            w[k]++;
            of[i] = k;
        }
        return new RepeatPatterns(
                java.util.Arrays.copyOf(gx, n),
                java.util.Arrays.copyOf(gtx, n),
                java.util.Arrays.copyOf(gT, n),
                java.util.Arrays.copyOf(w, n),
                of);
    }

    private static long mix(int x, long txBits, long bigTBits) {
        long h = x * 0x9E3779B97F4A7C15L + txBits;
        h = (h ^ (h >>> 32)) * 0xC2B2AE3D27D4EB4FL + bigTBits;
        h = (h ^ (h >>> 29)) * 0x165667B19E3779F9L;
        return h ^ (h >>> 32);
    }

    /** Patterns given directly (each with its weight), e.g. for tests; no customer mapping. */
    public static RepeatPatterns of(int[] x, double[] tx, double[] bigT, double[] weight) {
        return new RepeatPatterns(x.clone(), tx.clone(), bigT.clone(), weight.clone(), new int[0]);
    }

    public int size() {
        return x.length;
    }

    int[] x() {
        return x;
    }

    double[] tx() {
        return tx;
    }

    double[] bigT() {
        return bigT;
    }

    double[] weight() {
        return weight;
    }

    /** The distinct values of x, indexed by slot. */
    int[] distinctX() {
        return distinctX;
    }

    /** For each pattern, the slot of its x in {@link #distinctX()}. */
    int[] xSlot() {
        return xSlot;
    }

    /** The pattern index of customer {@code i} of the summary these patterns came from. */
    public int patternOf(int customer) {
        return patternOfCustomer[customer];
    }

    /**
     * The distinct values taken by t_x and T; with day-level data there are at most a few thousand, so a
     * likelihood computes log(alpha + t) once per value instead of once per pattern.
     */
    double[] times() {
        return times;
    }

    /** For each pattern, the index of its t_x in {@link #times()}. */
    int[] txAt() {
        return txAt;
    }

    /** For each pattern, the index of its T in {@link #times()}. */
    int[] bigTAt() {
        return bigTAt;
    }

    /**
     * The distinct (x, time) pairs among the patterns' (x, t_x) and (x, T): the Pareto/NBD likelihood evaluates its
     * hypergeometric term once per pair rather than twice per pattern (about 2.5 times fewer at 100,000 customers
     * with day-level data). Made on first use (only fits need them) and kept.
     */
    Pairs pairs() {
        Pairs made = pairs;
        if (made == null) {
            made = Pairs.of(this);
            pairs = made;
        }
        return made;
    }

    /**
     * {@code slot}: for each pair, the slot of its x in {@link #distinctX()}; {@code time}: its time's index in
     * {@link #times()}; {@code ofTx} and {@code ofBigT}: for each pattern, the index of its (x, t_x) and (x, T) pair.
     */
    record Pairs(int[] slot, int[] time, int[] ofTx, int[] ofBigT) {

        static Pairs of(RepeatPatterns patterns) {
            int n = patterns.x.length;
            long times = patterns.times.length;
            int[] ofTx = new int[n];
            int[] ofBigT = new int[n];
            Map<Long, Integer> index = new HashMap<>();
            for (int k = 0; k < n; k++) {
                ofTx[k] = index.computeIfAbsent(patterns.xSlot[k] * times + patterns.txAt[k], v -> index.size());
                ofBigT[k] = index.computeIfAbsent(patterns.xSlot[k] * times + patterns.bigTAt[k], v -> index.size());
            }
            int[] slot = new int[index.size()];
            int[] time = new int[index.size()];
            index.forEach((key, i) -> {
                slot[i] = (int) (key / times);
                time[i] = (int) (key % times);
            });
            return new Pairs(slot, time, ofTx, ofBigT);
        }
    }

    /** log(shift + t) for every distinct time t, indexed like {@link #times()}. */
    double[] logShiftedTimes(double shift) {
        double[] out = new double[times.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.log(shift + times[i]);
        }
        return out;
    }

    public double totalWeight() {
        double sum = 0;
        for (double v : weight) {
            sum += v;
        }
        return sum;
    }

    public double meanT() {
        double sum = 0;
        for (int k = 0; k < x.length; k++) {
            sum += weight[k] * bigT[k];
        }
        return sum / totalWeight();
    }
}
