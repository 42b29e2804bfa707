package io.basira.analytics.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * Every customer's calibration statistics (x, t_x, T, m_x), column by column, and the same customers
 * grouped by identical (x, t_x, T) ({@link RepeatPatterns}).
 *
 * <p>Design: the BG/NBD and Pareto/NBD likelihoods depend on a customer only through (x, t_x, T), so the
 * fits sum over distinct triples with a weight. With day-level data a store of a million customers has
 * far fewer distinct triples than customers, which is what makes fitting fast. Columns (parallel arrays)
 * rather than a list of objects keep a million customers compact.
 *
 * <p>Rules (as in BTYD's {@code dc.MergeTransactionsOnSameDate} and Fader &amp; Hardie's CDNOW analyses):
 * purchases of one customer on one day merge into one transaction whose value is the day's total; the
 * first purchase is not counted in x; t_x and T are measured from the first purchase; the calibration end
 * day is inclusive and T runs to it. Customers whose first purchase falls after the calibration end are
 * not part of the calibration and are left out. Immutable and thread safe.
 */
public final class CalibrationSummary {

    private final String[] ids;
    private final int[] x;
    private final double[] tx;
    private final double[] bigT;
    private final double[] mx;
    private final LocalDate calibrationEnd;
    private final ClvTimeUnit unit;
    private final double meanOrderValue;
    private volatile RepeatPatterns patterns;

    private CalibrationSummary(
            List<CustomerStatistics> rows, LocalDate calibrationEnd, ClvTimeUnit unit, double meanOrderValue) {
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        this.unit = Objects.requireNonNull(unit, "unit");
        int n = rows.size();
        ids = new String[n];
        x = new int[n];
        tx = new double[n];
        bigT = new double[n];
        mx = new double[n];
        for (int i = 0; i < n; i++) {
            CustomerStatistics row = rows.get(i);
            ids[i] = row.customerId();
            x[i] = row.x();
            tx[i] = row.tx();
            bigT[i] = row.bigT();
            mx[i] = row.mx();
        }
        this.meanOrderValue = Double.isNaN(meanOrderValue) ? repeatMean() : meanOrderValue;
    }

    private CalibrationSummary(
            String[] ids,
            int[] x,
            double[] tx,
            double[] bigT,
            double[] mx,
            LocalDate calibrationEnd,
            ClvTimeUnit unit,
            double meanOrderValue) {
        this.calibrationEnd = Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        this.unit = Objects.requireNonNull(unit, "unit");
        this.ids = ids;
        this.x = x;
        this.tx = tx;
        this.bigT = bigT;
        this.mx = mx;
        this.meanOrderValue = Double.isNaN(meanOrderValue) ? repeatMean() : meanOrderValue;
    }

    /**
     * A summary from statistics already computed column by column (the analytics' order columns), customers
     * in the order given; the arrays are kept, not copied. {@code meanOrderValue} is the mean merged
     * transaction value, or NaN for the mean repeat value.
     */
    public static CalibrationSummary ofColumns(
            String[] ids,
            int[] x,
            double[] tx,
            double[] bigT,
            double[] mx,
            LocalDate calibrationEnd,
            ClvTimeUnit unit,
            double meanOrderValue) {
        int n = ids.length;
        if (x.length != n || tx.length != n || bigT.length != n || mx.length != n) {
            throw new IllegalArgumentException("calibration columns of different lengths");
        }
        return new CalibrationSummary(ids, x, tx, bigT, mx, calibrationEnd, unit, meanOrderValue);
    }

    /**
     * Summarises raw transactions. Transactions after {@code calibrationEnd} (inclusive end) are ignored;
     * order of the input does not matter.
     */
    public static CalibrationSummary fromTransactions(
            Collection<ClvTransaction> transactions, LocalDate calibrationEnd, ClvTimeUnit unit) {
        Objects.requireNonNull(calibrationEnd, "calibrationEnd");
        List<ClvTransaction> sorted = new ArrayList<>(transactions.size());
        for (ClvTransaction t : transactions) {
            if (!t.day().isAfter(calibrationEnd)) {
                sorted.add(t);
            }
        }
        sorted.sort(Comparator.comparing(ClvTransaction::customerId).thenComparing(ClvTransaction::day));
        List<CustomerStatistics> rows = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        long merged = 0;
        int i = 0;
        while (i < sorted.size()) {
            String id = sorted.get(i).customerId();
            LocalDate first = sorted.get(i).day();
            LocalDate last = first;
            int repeats = 0;
            BigDecimal repeatTotal = BigDecimal.ZERO;
            while (i < sorted.size() && sorted.get(i).customerId().equals(id)) {
                LocalDate day = sorted.get(i).day();
                BigDecimal dayTotal = BigDecimal.ZERO;
                while (i < sorted.size()
                        && sorted.get(i).customerId().equals(id)
                        && sorted.get(i).day().equals(day)) {
                    dayTotal = dayTotal.add(sorted.get(i).amount());
                    i++;
                }
                total = total.add(dayTotal);
                merged++;
                if (!day.equals(first)) {
                    repeats++;
                    repeatTotal = repeatTotal.add(dayTotal);
                    last = day;
                }
            }
            double tLast = unit.fromDays(ChronoUnit.DAYS.between(first, last));
            double tEnd = unit.fromDays(ChronoUnit.DAYS.between(first, calibrationEnd));
            double mean = repeats == 0 ? 0 : repeatTotal.doubleValue() / repeats;
            rows.add(new CustomerStatistics(id, repeats, tLast, tEnd, mean));
        }
        double meanValue = merged == 0 ? Double.NaN : total.doubleValue() / merged;
        return new CalibrationSummary(rows, calibrationEnd, unit, meanValue);
    }

    /** A summary from statistics computed elsewhere (e.g. a published CSV). */
    public static CalibrationSummary of(List<CustomerStatistics> rows, LocalDate calibrationEnd, ClvTimeUnit unit) {
        return new CalibrationSummary(List.copyOf(rows), calibrationEnd, unit, Double.NaN);
    }

    private double repeatMean() {
        double value = 0;
        long count = 0;
        for (int i = 0; i < x.length; i++) {
            value += mx[i] * x[i];
            count += x[i];
        }
        return count == 0 ? 0 : value / count;
    }

    public int size() {
        return ids.length;
    }

    public CustomerStatistics customer(int i) {
        return new CustomerStatistics(ids[i], x[i], tx[i], bigT[i], mx[i]);
    }

    public String customerId(int i) {
        return ids[i];
    }

    public int x(int i) {
        return x[i];
    }

    public double tx(int i) {
        return tx[i];
    }

    public double bigT(int i) {
        return bigT[i];
    }

    public double mx(int i) {
        return mx[i];
    }

    /** The last calibration day (inclusive); predictions count from the end of this day. */
    public LocalDate calibrationEnd() {
        return calibrationEnd;
    }

    public ClvTimeUnit unit() {
        return unit;
    }

    /** Customers with at least one repeat transaction. */
    public int repeatBuyers() {
        int count = 0;
        for (int v : x) {
            if (v > 0) {
                count++;
            }
        }
        return count;
    }

    /**
     * The store's mean order value: over all merged calibration transactions when built from
     * transactions, else the mean repeat transaction value; 0 when there is nothing to average.
     */
    public double meanOrderValue() {
        return meanOrderValue;
    }

    /** The customers grouped by identical (x, t_x, T); computed once, on first use. */
    public RepeatPatterns patterns() {
        RepeatPatterns p = patterns;
        if (p == null) {
            p = RepeatPatterns.group(x, tx, bigT);
            patterns = p;
        }
        return p;
    }
}
