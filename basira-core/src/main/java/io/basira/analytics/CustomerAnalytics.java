package io.basira.analytics;

import io.basira.analytics.clv.ChurnRisk;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The analytics card fields of one customer (docs/analytics.md, "Card fields"). Every field but
 * {@code rfmGroup} is null when it does not apply: no counted order (no percentile, scores, type,
 * regularity), no CLV prediction (first purchase after as-of), or a value the method does not estimate
 * (P(alive) and next order date in the CLV fallback).
 */
public record CustomerAnalytics(
        String customerId,
        BigDecimal revenuePercentile,
        Integer rfmRecency,
        Integer rfmFrequency,
        Integer rfmMonetary,
        RfmGroup rfmGroup,
        CustomerType customerType,
        Regularity regularity,
        Double pAlive,
        Double expectedPurchases90d,
        BigDecimal predictedValue12m,
        ChurnRisk churnRisk,
        LocalDate nextOrderExpectedAt) {

    public CustomerAnalytics {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(rfmGroup, "rfmGroup");
    }
}
