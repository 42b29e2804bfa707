package io.basira.analytics.reference;

import io.basira.analytics.*;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** Shares and rates as the reports publish them: decimals from 0 to 1, four places, half-up. */
public final class Ratios {

    static final int SCALE = 4;

    private Ratios() {}

    /** {@code part / whole} to four decimals, half-up; null when {@code whole} is 0 (not defined). */
    public static BigDecimal of(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), SCALE, RoundingMode.HALF_UP);
    }
}
