package io.basira.analytics.clv;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

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
 * {@code not-finite}. Not thread safe; make one per call.
 */
/** The scoring as it was before the per-(x, T) memo: the reference of ClvScoringTest. */
public final class ReferenceClvScoring {

    private static final int MONTHS = 12;
    private static final double YEAR_DAYS = 365;

    private final CalibrationSummary summary;
    private final ClvModels models;
    private final ScoringOptions options;
    private final double storeRate;
    private final BigDecimal storeOrderValue;

    ReferenceClvScoring(CalibrationSummary summary, ClvModels models, ScoringOptions options) {
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

    /** Predictions as the scoring made them before each (x, T) shared its expectations. */
    public static List<CustomerPrediction> score(CalibrationSummary summary, ClvModels models, ScoringOptions options) {
        return new ReferenceClvScoring(summary, models, options).all();
    }

    List<CustomerPrediction> all() {
        List<CustomerPrediction> out = new ArrayList<>(summary.size());
        if (!models.usesModels()) {
            for (int i = 0; i < summary.size(); i++) {
                out.add(fallback(i, models.method()));
            }
            return out;
        }
        BgNbd bg = new BgNbd(models.bgNbd().parameters().orElseThrow());
        GammaGamma gg = new GammaGamma(models.gammaGamma().parameters().orElseThrow());
        PatternForecast[] forecasts = forecasts(bg, summary.patterns());
        for (int i = 0; i < summary.size(); i++) {
            PatternForecast f = forecasts[summary.patterns().patternOf(i)];
            double value = gg.conditionalExpectedValue(summary.x(i), summary.mx(i));
            boolean finite = f.finite() && Double.isFinite(value) && value >= 0;
            out.add(finite ? predict(i, f, value) : fallback(i, "fallback:not-finite"));
        }
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

    private PatternForecast[] forecasts(BgNbd bg, RepeatPatterns patterns) {
        PatternForecast[] out = new PatternForecast[patterns.size()];
        ClvTimeUnit unit = summary.unit();
        for (int k = 0; k < out.length; k++) {
            int x = patterns.x()[k];
            double tx = patterns.tx()[k];
            double bigT = patterns.bigT()[k];
            double in365 = bg.conditionalExpectedPurchases(unit.fromDays(YEAR_DAYS), x, tx, bigT);
            out[k] = new PatternForecast(
                    bg.probabilityAlive(x, tx, bigT),
                    bg.conditionalExpectedPurchases(unit.fromDays(90), x, tx, bigT),
                    in365,
                    discounted(days -> bg.conditionalExpectedPurchases(unit.fromDays(days), x, tx, bigT), in365),
                    nextDay(days -> bg.conditionalExpectedPurchases(unit.fromDays(days), x, tx, bigT)));
        }
        return out;
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
        return BigDecimal.valueOf(safe).setScale(options.moneyScale(), RoundingMode.HALF_EVEN);
    }
}
