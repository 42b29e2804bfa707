package io.basira.analytics.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/**
 * Turns fitted models into per-customer predictions (see {@link CustomerPrediction}).
 *
 * <p>Design: BG/NBD quantities depend on a customer only through (x, t_x, T), so they are computed once
 * per {@link RepeatPatterns} entry and shared; only the Gamma-Gamma spend is per customer. Horizons are
 * 90 and 365 days, converted to the summary's time unit. The 12-month value is E[Z] times the expected
 * purchases in 365 days, or with a discount rate d, E[Z] * sum over months m = 1..12 of
 * (E[Y(m/12 year)] - E[Y((m-1)/12 year)]) / (1+d)^(m/12). The expected next order date is the first whole
 * day n (1..horizon) with E[Y(n days)] &gt;= 1, found by bisection since E[Y] grows with t.
 *
 * <p>Fallback (method {@code fallback:<reason>}): every customer gets the store's empirical repeat rate
 * lambda = (sum of x) / (sum of T), expected purchases lambda * t, the store's mean order value, no
 * P(alive) and no next order date; the churn band compares T - t_x with 1/lambda (see {@link ChurnRisk}).
 * A customer whose model quantities are not finite gets the same fallback with reason
 * {@code not-finite}. Not thread safe; make one per call (which may use the common fork-join pool).
 */
final class ClvScoring {

    /**
     * From this many customers the per-customer predictions (the Gamma-Gamma spend, the money) are made over the
     * common fork-join pool; each is computed on its own from shared read-only forecasts, so the result does not
     * depend on the threads.
     */
    private static final int PARALLEL_CUSTOMERS = 10_000;

    private static final int MONTHS = 12;
    private static final double YEAR_DAYS = 365;

    private final CalibrationSummary summary;
    private final ClvModels models;
    private final ScoringOptions options;
    private final double storeRate;
    private final BigDecimal storeOrderValue;

    ClvScoring(CalibrationSummary summary, ClvModels models, ScoringOptions options) {
        this.summary = summary;
        this.models = models;
        this.options = options;
        double x = 0;
        double t = 0;
        for (int i = 0; i < summary.size(); i++) {
            x += summary.x(i);
            t += summary.bigT(i);
        }
        this.storeRate = t > 0 ? x / t : 0;
        this.storeOrderValue = money(summary.meanOrderValue());
    }

    List<CustomerPrediction> all() {
        return all(null);
    }

    /**
     * Every customer's prediction; customer {@code i}'s is {@code reused[i]} where that is not null (its pattern's
     * forecast is then not made unless another customer needs it). {@code reused} null: every one is made.
     */
    List<CustomerPrediction> all(CustomerPrediction[] reused) {
        List<CustomerPrediction> out = new ArrayList<>(summary.size());
        if (!models.usesModels()) {
            for (int i = 0; i < summary.size(); i++) {
                out.add(fallback(i, models.method()));
            }
            return out;
        }
        BgNbd bg = new BgNbd(models.bgNbd().parameters().orElseThrow());
        GammaGamma gg = new GammaGamma(models.gammaGamma().parameters().orElseThrow());
        RepeatPatterns patterns = summary.patterns();
        java.util.BitSet needed = null;
        if (reused != null) {
            needed = new java.util.BitSet(patterns.size());
            for (int i = 0; i < summary.size(); i++) {
                if (reused[i] == null) {
                    needed.set(patterns.patternOf(i));
                }
            }
        }
        PatternForecast[] forecasts = forecasts(bg, patterns, needed);
        CustomerPrediction[] each = reused == null ? new CustomerPrediction[summary.size()] : reused.clone();
        IntConsumer one = i -> {
            if (each[i] != null) {
                return;
            }
            PatternForecast f = forecasts[summary.patterns().patternOf(i)];
            double value = gg.conditionalExpectedValue(summary.x(i), summary.mx(i));
            boolean finite = f.finite() && Double.isFinite(value) && value >= 0;
            each[i] = finite ? predict(i, f, value) : fallback(i, "fallback:not-finite");
        };
        IntStream customers = IntStream.range(0, each.length);
        (each.length < PARALLEL_CUSTOMERS ? customers : customers.parallel()).forEach(one);
        out.addAll(Arrays.asList(each));
        return out;
    }

    private record PatternForecast(double alive, double in90, double in365, double discounted, int nextDay) {
        boolean finite() {
            return Double.isFinite(alive)
                    && in90 >= 0
                    && in365 >= 0
                    && discounted >= 0
                    && Double.isFinite(in365)
                    && Double.isFinite(discounted);
        }
    }

    /**
     * One forecast per (x, t_x, T) pattern ({@code needed} null), or per needed pattern. Patterns are visited grouped
     * by (x, T): the expensive part of
     * E[Y(t) | x, t_x, T] (a hypergeometric series) depends only on x, T and t, so each (x, T, t) is
     * evaluated once and shared by every t_x, then divided by the pattern's own alive divisor — the same
     * operations, hence the same numbers, as evaluating the expectation afresh for each pattern and horizon.
     */
    private PatternForecast[] forecasts(BgNbd bg, RepeatPatterns patterns, java.util.BitSet needed) {
        PatternForecast[] out = new PatternForecast[patterns.size()];
        ClvTimeUnit unit = summary.unit();
        int[] xs = patterns.x();
        double[] ts = patterns.bigT();
        Integer[] order = needed == null
                ? new Integer[out.length]
                : needed.stream().boxed().toArray(Integer[]::new);
        if (needed == null) {
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
        }
        java.util.Arrays.sort(
                order, (u, v) -> xs[u] != xs[v] ? Integer.compare(xs[u], xs[v]) : Double.compare(ts[u], ts[v]));
        // runs of about CHUNK patterns, each ending with an (x, T) group, scored on their own (in parallel when many)
        List<int[]> runs = new ArrayList<>();
        for (int start = 0; start < order.length; ) {
            int end = Math.min(order.length, start + CHUNK);
            while (end < order.length
                    && xs[order[end]] == xs[order[end - 1]]
                    && Double.compare(ts[order[end]], ts[order[end - 1]]) == 0) {
                end++;
            }
            runs.add(new int[] {start, end});
            start = end;
        }
        (runs.size() < 2 ? runs.stream() : runs.parallelStream()).forEach(run -> {
            Numerators numerators = new Numerators(bg, unit, Math.max(options.nextOrderHorizonDays(), 365));
            for (int i = run[0]; i < run[1]; i++) {
                forecast(bg, patterns, order[i], numerators, out);
            }
        });
        return out;
    }

    /** Patterns per run of {@link #forecasts}: a run shares one {@link Numerators} and is scored on one thread. */
    private static final int CHUNK = 4_096;

    private void forecast(BgNbd bg, RepeatPatterns patterns, int k, Numerators numerators, PatternForecast[] out) {
        int x = patterns.x()[k];
        double tx = patterns.tx()[k];
        double bigT = patterns.bigT()[k];
        numerators.forPattern(x, bigT);
        double divisor = x == 0 ? 1 : bg.aliveDivisor(x, tx, bigT);
        java.util.function.DoubleUnaryOperator byDays = days -> {
            double numerator = numerators.at(days);
            return x == 0 ? numerator : numerator / divisor;
        };
        double in365 = byDays.applyAsDouble(YEAR_DAYS);
        out[k] = new PatternForecast(
                bg.probabilityAlive(x, tx, bigT),
                byDays.applyAsDouble(90),
                in365,
                discounted(byDays, in365),
                nextDay(byDays));
    }

    /** The t_x-free numerators of one (x, T), by horizon in days, each computed once. */
    private static final class Numerators {
        private final BgNbd bg;
        private final ClvTimeUnit unit;
        private final double[] byWholeDay;
        private final java.util.Map<Double, Double> other = new java.util.HashMap<>();
        private int x = -1;
        private double bigT = Double.NaN;

        Numerators(BgNbd bg, ClvTimeUnit unit, int maxDays) {
            this.bg = bg;
            this.unit = unit;
            this.byWholeDay = new double[maxDays + 1];
        }

        void forPattern(int x, double bigT) {
            if (x != this.x || Double.compare(bigT, this.bigT) != 0) {
                this.x = x;
                this.bigT = bigT;
                java.util.Arrays.fill(byWholeDay, Double.NaN);
                other.clear();
            }
        }

        double at(double days) {
            int whole = (int) days;
            if (whole == days && whole >= 0 && whole < byWholeDay.length) {
                double v = byWholeDay[whole];
                if (Double.isNaN(v)) {
                    v = bg.conditionalNumerator(unit.fromDays(days), x, bigT);
                    if (Double.isNaN(v)) {
                        return v;
                    }
                    byWholeDay[whole] = v;
                }
                return v;
            }
            return other.computeIfAbsent(days, d -> bg.conditionalNumerator(unit.fromDays(d), x, bigT));
        }
    }

    /** Expected purchases in 365 days, each month's share discounted at the annual rate. */
    private double discounted(java.util.function.DoubleUnaryOperator expectedByDays, double in365) {
        double rate = options.annualDiscountRate();
        if (rate == 0) {
            return in365;
        }
        double sum = 0;
        double previous = 0;
        for (int m = 1; m <= MONTHS; m++) {
            double current = expectedByDays.applyAsDouble(YEAR_DAYS * m / MONTHS);
            sum += (current - previous) / Math.pow(1 + rate, m / (double) MONTHS);
            previous = current;
        }
        return sum;
    }

    /** The first whole day n in 1..horizon with E[Y(n)] >= 1, or -1. */
    private int nextDay(java.util.function.DoubleUnaryOperator expectedByDays) {
        int high = options.nextOrderHorizonDays();
        if (!(expectedByDays.applyAsDouble(high) >= 1)) {
            return -1;
        }
        int low = 0;
        while (high - low > 1) {
            int mid = (low + high) >>> 1;
            if (expectedByDays.applyAsDouble(mid) >= 1) {
                high = mid;
            } else {
                low = mid;
            }
        }
        return high;
    }

    private CustomerPrediction predict(int i, PatternForecast f, double orderValue) {
        BigDecimal value = money(orderValue);
        Optional<LocalDate> next = f.nextDay() < 0
                ? Optional.empty()
                : Optional.of(summary.calibrationEnd().plusDays(f.nextDay()));
        return new CustomerPrediction(
                summary.customerId(i),
                OptionalDouble.of(f.alive()),
                f.in90(),
                f.in365(),
                value,
                money(orderValue * f.discounted()),
                options.band(f.alive()),
                next,
                ClvModels.MODEL_METHOD);
    }

    private CustomerPrediction fallback(int i, String method) {
        ClvTimeUnit unit = summary.unit();
        double in365 = storeRate * unit.fromDays(YEAR_DAYS);
        double discounted = discounted(days -> storeRate * unit.fromDays(days), in365);
        return new CustomerPrediction(
                summary.customerId(i),
                OptionalDouble.empty(),
                storeRate * unit.fromDays(90),
                in365,
                storeOrderValue,
                money(storeOrderValue.doubleValue() * discounted),
                fallbackBand(i),
                Optional.empty(),
                method);
    }

    private ChurnRisk fallbackBand(int i) {
        if (storeRate <= 0) {
            return ChurnRisk.UNKNOWN;
        }
        double gaps = (summary.bigT(i) - summary.tx(i)) * storeRate;
        return gaps < 1 ? ChurnRisk.LOW : gaps < 3 ? ChurnRisk.MEDIUM : ChurnRisk.HIGH;
    }

    private BigDecimal money(double amount) {
        double safe = Double.isFinite(amount) && amount > 0 ? amount : 0;
        return money(safe, options.moneyScale());
    }

    /** 10^scale for the scales a currency has (ScoringOptions allows 0..6). */
    private static final double[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};

    /**
     * {@code BigDecimal.valueOf(amount).setScale(scale, HALF_EVEN)} for a finite amount &ge; 0, without the decimal
     * string where the answer cannot depend on it (the hot part of scoring every customer): the shortest decimal of a
     * double lies within one ulp of it, so when amount &times; 10^scale is below 10^11 and more than 10^-4 away from
     * a half, the decimal and the double round to the same whole number of minor units. Otherwise, the exact way.
     */
    static BigDecimal money(double amount, int scale) {
        double units = amount * POWERS[scale];
        if (units < 1e11) {
            double whole = Math.floor(units);
            double fraction = units - whole;
            if (Math.abs(fraction - 0.5) > 1e-4) {
                return BigDecimal.valueOf((long) whole + (fraction > 0.5 ? 1 : 0), scale);
            }
        }
        return BigDecimal.valueOf(amount).setScale(scale, RoundingMode.HALF_EVEN);
    }
}
