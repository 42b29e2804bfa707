package io.basira.server.analytics.web;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A part of a whole as a decimal share for display (four places, half-up, as the analytics publish them). */
final class Shares {

    private Shares() {}

    /** {@code part / whole}; null when the whole is 0 (undefined, shown empty). */
    static BigDecimal of(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
