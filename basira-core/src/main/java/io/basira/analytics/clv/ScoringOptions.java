package io.basira.analytics.clv;

/**
 * How predictions are turned into the per-customer output.
 *
 * @param annualDiscountRate yearly rate used to discount the 12-month value month by month
 *     (0 = undiscounted, 0.10 = 10% a year); in [0, 1]
 * @param lowRiskAlive P(alive) at or above which the churn risk is LOW
 * @param highRiskAlive P(alive) below which the churn risk is HIGH; {@code 0 < highRiskAlive <= lowRiskAlive <= 1}
 * @param nextOrderHorizonDays how far (days, inclusive) to look for the expected next order date
 * @param moneyScale decimals of the money amounts in the output (2 for most currencies)
 */
public record ScoringOptions(
        double annualDiscountRate,
        double lowRiskAlive,
        double highRiskAlive,
        int nextOrderHorizonDays,
        int moneyScale) {

    public ScoringOptions {
        if (!(annualDiscountRate >= 0 && annualDiscountRate <= 1)) {
            throw new IllegalArgumentException("annual discount rate must be in [0, 1], was " + annualDiscountRate);
        }
        if (!(highRiskAlive > 0 && highRiskAlive <= lowRiskAlive && lowRiskAlive <= 1)) {
            throw new IllegalArgumentException("need 0 < high-risk threshold <= low-risk threshold <= 1, got "
                    + highRiskAlive + " and " + lowRiskAlive);
        }
        if (nextOrderHorizonDays < 1 || nextOrderHorizonDays > 3660) {
            throw new IllegalArgumentException("next-order horizon must be 1..3660 days, was " + nextOrderHorizonDays);
        }
        if (moneyScale < 0 || moneyScale > 6) {
            throw new IllegalArgumentException("money scale must be 0..6 decimals, was " + moneyScale);
        }
    }

    /** Undiscounted, bands at 0.7 and 0.3, next order looked for within 365 days, 2 decimals. */
    public static ScoringOptions defaults() {
        return new ScoringOptions(0, 0.7, 0.3, 365, 2);
    }

    ChurnRisk band(double probabilityAlive) {
        if (probabilityAlive >= lowRiskAlive) {
            return ChurnRisk.LOW;
        }
        return probabilityAlive < highRiskAlive ? ChurnRisk.HIGH : ChurnRisk.MEDIUM;
    }
}
