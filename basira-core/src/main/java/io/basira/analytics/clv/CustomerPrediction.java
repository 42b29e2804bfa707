package io.basira.analytics.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What the CLV models predict for one customer, counted from the end of the calibration day.
 *
 * @param probabilityAlive P(alive) from BG/NBD; empty in the fallback (not estimated)
 * @param expectedPurchases90Days expected purchases in the next 90 days (&gt;= 0)
 * @param expectedPurchases12Months expected purchases in the next 365 days (&gt;= 0)
 * @param expectedOrderValue expected value of a future order (Gamma-Gamma), &gt;= 0
 * @param predictedValue12Months expected spend in the next 365 days (discounted if asked), &gt;= 0
 * @param expectedNextOrder first day by which at least one purchase is expected; empty when that does not
 *     happen within the horizon, or in the fallback
 * @param method {@code bgnbd+gammagamma}, or {@code fallback:<reason>} when a simpler estimate was used
 */
public record CustomerPrediction(
        String customerId,
        OptionalDouble probabilityAlive,
        double expectedPurchases90Days,
        double expectedPurchases12Months,
        BigDecimal expectedOrderValue,
        BigDecimal predictedValue12Months,
        ChurnRisk churnRisk,
        Optional<LocalDate> expectedNextOrder,
        String method) {

    public CustomerPrediction {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(probabilityAlive, "probabilityAlive");
        Objects.requireNonNull(churnRisk, "churnRisk");
        Objects.requireNonNull(expectedNextOrder, "expectedNextOrder");
        Objects.requireNonNull(method, "method");
        if (!(expectedPurchases90Days >= 0) || !(expectedPurchases12Months >= 0)) {
            throw new IllegalArgumentException("expected purchases of customer " + customerId + " must be >= 0");
        }
        if (expectedOrderValue.signum() < 0 || predictedValue12Months.signum() < 0) {
            throw new IllegalArgumentException("values of customer " + customerId + " must be >= 0");
        }
    }
}
