package io.basira.campaigns.lift;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * One side of a campaign in its report: the customers enrolled on it, how many of them converted (ordered within
 * the attribution window after their enrolment) and the revenue of those orders in minor units (exact).
 */
public record ArmResult(long recipients, long conversions, long revenueMinor) {

    public ArmResult {
        if (recipients < 0 || conversions < 0 || conversions > recipients) {
            throw new IllegalArgumentException(
                    "an arm of " + recipients + " recipients cannot have " + conversions + " conversions");
        }
        if (revenueMinor < 0) {
            throw new IllegalArgumentException("revenue " + revenueMinor + " is negative");
        }
    }

    /** Conversions per recipient (0 for no recipients). */
    public double conversionRate() {
        return recipients == 0 ? 0 : conversions / (double) recipients;
    }

    /** Revenue per recipient in minor units, exact to 4 decimals of a minor unit (half up); 0 for no recipients. */
    public BigDecimal revenuePerRecipientMinor() {
        return recipients == 0
                ? BigDecimal.ZERO.setScale(4)
                : BigDecimal.valueOf(revenueMinor).divide(BigDecimal.valueOf(recipients), 4, RoundingMode.HALF_UP);
    }
}
