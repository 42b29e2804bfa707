package io.basira.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * The price of one unit of a product, exact to at most {@value #MAX_DECIMALS} decimals of the major unit: finer
 * than the currency's minor unit when the shop sells so (0.001 SAR a piece, as Stripe's
 * {@code unit_amount_decimal} allows). Every amount that is money paid — a line's total, an order's total, a
 * card figure — is {@link Money}, in minor units: {@link #times(int)} rounds once, per line, to the nearest minor
 * unit, halves away from zero ({@link #ROUNDING}, docs/import.md "Prices finer than the currency").
 *
 * <p>Held normalised: no trailing zeros beyond the currency's decimals ({@code 45.00}, {@code 0.001}), so two
 * prices are equal exactly when their amounts are.
 */
public record UnitPrice(BigDecimal amount, Currency currency) {

    /** The most decimals a unit price may have. */
    public static final int MAX_DECIMALS = 6;

    /**
     * How a line's total is rounded to minor units: half up (away from zero), as an invoice, a spreadsheet and
     * ZATCA's e-invoices round; a line is rounded once, so banker's rounding would buy no fairness here.
     */
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public UnitPrice {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("unit price " + amount.toPlainString() + " is negative");
        }
        int digits = Money.fractionDigits(currency);
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMALS) {
            throw new IllegalArgumentException(
                    "'" + amount.toPlainString() + "' has more than " + MAX_DECIMALS + " decimals");
        }
        amount = stripped.scale() < digits ? stripped.setScale(digits) : stripped;
    }

    /** The price of an amount of money (never finer than its minor units). */
    public static UnitPrice of(Money money) {
        return new UnitPrice(money.toDecimal(), money.currency());
    }

    /** Whether the price has more decimals than the currency's minor unit (and so is not a {@link Money}). */
    public boolean finerThanMinorUnits() {
        return amount.scale() > Money.fractionDigits(currency);
    }

    /** The price rounded to the currency's minor units ({@link #ROUNDING}); exact when not finer. */
    public Money rounded() {
        return times(1);
    }

    /** {@code quantity} units: the exact product, rounded once to minor units ({@link #ROUNDING}). */
    public Money times(int quantity) {
        BigDecimal total = amount.multiply(BigDecimal.valueOf(quantity));
        long minor = total.movePointRight(Money.fractionDigits(currency))
                .setScale(0, ROUNDING)
                .longValueExact();
        return Money.ofMinor(minor, currency);
    }

    /** The amount as written when stored or exported: {@code 45.00}, {@code 0.001}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
