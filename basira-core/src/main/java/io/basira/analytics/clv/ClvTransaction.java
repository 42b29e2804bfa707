package io.basira.analytics.clv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One purchase as the CLV models see it: who, which calendar day (in the store's time zone), how much
 * (in the store currency's major unit, never negative: refunds are netted before).
 */
public record ClvTransaction(String customerId, LocalDate day, BigDecimal amount) {

    public ClvTransaction {
        if (customerId == null || customerId.isBlank()) {
            throw new IllegalArgumentException("transaction without a customer id");
        }
        Objects.requireNonNull(day, () -> "transaction of customer " + customerId + " has no day");
        Objects.requireNonNull(amount, () -> "transaction of customer " + customerId + " on " + day + " has no amount");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("transaction of customer " + customerId + " on " + day
                    + " has a negative amount " + amount.toPlainString() + "; net refunds before CLV");
        }
    }
}
