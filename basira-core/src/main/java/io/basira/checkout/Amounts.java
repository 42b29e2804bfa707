package io.basira.checkout;

import io.basira.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The arithmetic of discounts: exact, half-up to the currency's minor unit, never below zero. Public for the
 * offer simulator ({@code io.basira.checkout.simulation}), which prices past orders with the same arithmetic.
 */
public final class Amounts {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Amounts() {}

    /** {@code percent}% of {@code base}, rounded half-up to a whole minor unit. */
    public static Money percentOf(Money base, BigDecimal percent) {
        long minor = BigDecimal.valueOf(base.minor())
                .multiply(percent)
                .divide(HUNDRED, 0, RoundingMode.HALF_UP)
                .longValueExact();
        return Money.ofMinor(minor, base.currency());
    }

    public static Money min(Money a, Money b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Whether {@code subtotal} reaches {@code minimum} (inclusive); a null minimum is always reached. */
    public static boolean reaches(Money subtotal, Money minimum) {
        return minimum == null || subtotal.compareTo(minimum) >= 0;
    }

    static void requireNotNegative(Money amount, String what) {
        if (amount != null && amount.isNegative()) {
            throw new IllegalArgumentException(what + " " + amount.toPlainString() + " is negative");
        }
    }

    static void requirePercent(BigDecimal percent) {
        if (percent == null || percent.signum() <= 0 || percent.compareTo(HUNDRED) > 0) {
            throw new IllegalArgumentException("percent " + (percent == null ? "null" : percent.toPlainString())
                    + " must be above 0 and at most 100");
        }
    }
}
