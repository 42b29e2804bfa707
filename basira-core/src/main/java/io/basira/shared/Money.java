package io.basira.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money: a count of the currency's minor units (halalas for SAR, fils for KWD).
 *
 * <p>Never a binary floating point number. Arithmetic is only defined between amounts of the same
 * currency; mixing currencies is a programming error and throws.
 */
public record Money(long minor, Currency currency) implements Comparable<Money> {

    /**
     * Amounts that come in (a CSV cell, a JSON field) must be below this many major units: far above
     * any real order, and low enough that sums of many of them stay exact in a {@code long}.
     */
    public static final BigDecimal TOO_LARGE = new BigDecimal("1000000000000");

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money zero(Currency currency) {
        return new Money(0, currency);
    }

    public static Money ofMinor(long minor, Currency currency) {
        return new Money(minor, currency);
    }

    /**
     * Parses a decimal in the currency's major unit ({@code "199.50"}, {@code "١٩٩٫٥٠"}: {@link Numerals}).
     *
     * @throws IllegalArgumentException when the text is not a plain decimal or has more decimals
     *     than the currency has minor units
     */
    public static Money parse(String text, Currency currency) {
        return new Money(toMinor(parseDecimal(text), currency), currency);
    }

    /** The exact minor units of {@code amount}; more decimals than the currency has is an error. */
    public static long toMinor(BigDecimal amount, Currency currency) {
        int digits = fractionDigits(currency);
        try {
            return amount.setScale(digits, RoundingMode.UNNECESSARY)
                    .movePointRight(digits)
                    .longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    "'" + amount.toPlainString() + "' has more than " + digits + " decimals for " + currency);
        }
    }

    /**
     * Why an incoming amount is refused (negative, or at or above {@link #TOO_LARGE}), or null;
     * the reason reads after the value ({@code '-5' is negative}).
     */
    public static String incomingProblem(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "is negative";
        }
        return amount.compareTo(TOO_LARGE) >= 0 ? "is too large (at most 999999999999 and a fraction)" : null;
    }

    private static BigDecimal parseDecimal(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty amount");
        }
        return Numerals.decimal(text);
    }

    /** The number of minor-unit digits of a currency (2 for SAR, 3 for KWD, 0 for JPY). */
    public static int fractionDigits(Currency currency) {
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, fractionDigits(currency));
    }

    /** The amount as a plain decimal with exactly the currency's number of decimals ({@code 12.50}). */
    public String toPlainString() {
        return toDecimal().toPlainString();
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
