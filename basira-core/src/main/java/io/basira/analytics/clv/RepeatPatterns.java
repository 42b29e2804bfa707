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
    private final int[] pairSlot;
    private final int[] pairTime;
    private final int[] txPair;
    private final int[] bigTPair;

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
        Map<Long, Integer> pairs = new HashMap<>();
        txPair = new int[x.length];
        bigTPair = new int[x.length];
        for (int k = 0; k < x.length; k++) {
            txPair[k] = pairs.computeIfAbsent(((long) xSlot[k] << 32) | txAt[k], v -> pairs.size());
            bigTPair[k] = pairs.computeIfAbsent(((long) xSlot[k] << 32) | bigTAt[k], v -> pairs.size());
        }
        pairSlot = new int[pairs.size()];
        pairTime = new int[pairs.size()];
        pairs.forEach((key, i) -> {
            pairSlot[i] = (int) (key >>> 32);
            pairTime[i] = (int) (long) key;
        });
    }

    private record Key(int x, long tx, long bigT) {}

    static RepeatPatterns group(int[] x, double[] tx, double[] bigT) {
        Map<Key, Integer> index = new HashMap<>();
        int[] of = new int[x.length];
        int[] gx = new int[x.length];
        double[] gtx = new double[x.length];
        double[] gT = new double[x.length];
        double[] w = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Key key = new Key(x[i], Double.doubleToLongBits(tx[i]), Double.doubleToLongBits(bigT[i]));
            Integer k = index.get(key);
            if (k == null) {
                k = index.size();
                index.put(key, k);
                gx[k] = x[i];
                gtx[k] = tx[i];
                gT[k] = bigT[i];
            }
            w[k]++;
            of[i] = k;
        }
        int n = index.size();
        return new RepeatPatterns(
                java.util.Arrays.copyOf(gx, n),
                java.util.Arrays.copyOf(gtx, n),
                java.util.Arrays.copyOf(gT, n),
                java.util.Arrays.copyOf(w, n),
                of);
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
     * with day-level data). For each pair, the slot of its x in {@link #distinctX()}.
     */
    int[] pairSlot() {
        return pairSlot;
    }

    /** For each (x, time) pair, the index of its time in {@link #times()}. */
    int[] pairTime() {
        return pairTime;
    }

    /** For each pattern, the index of its (x, t_x) pair. */
    int[] txPair() {
        return txPair;
    }

    /** For each pattern, the index of its (x, T) pair. */
    int[] bigTPair() {
        return bigTPair;
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
