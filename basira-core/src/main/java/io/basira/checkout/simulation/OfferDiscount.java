package io.basira.checkout.simulation;

import io.basira.checkout.Amounts;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** What an offer gives, as far as the simulator can price it from an order's total. */
public sealed interface OfferDiscount {

    /** {@code percent} (above 0, at most 100) off. */
    record PercentOff(BigDecimal percent) implements OfferDiscount {
        public PercentOff {
            Objects.requireNonNull(percent, "percent");
            if (percent.signum() <= 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException(
                        "percent " + percent.toPlainString() + " must be above 0 and at most 100");
            }
        }
    }

    /** A fixed amount off (never more than the order). */
    record AmountOff(Money amount) implements OfferDiscount {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            if (amount.minor() <= 0) {
                throw new IllegalArgumentException("amount " + amount.toPlainString() + " is not positive");
            }
        }
    }

    /** Free shipping: its cost is the shipping of the orders, which the stored orders do not hold. */
    record FreeShipping() implements OfferDiscount {}

    /** Free units (buy X get Y): its cost needs the order lines, which the simulator does not read. */
    record FreeItems() implements OfferDiscount {}

    /** No discount (hiding or offering payment methods and carriers): reach only. */
    record NoDiscount() implements OfferDiscount {}

    /** Whether the cost of this discount can be computed from an order's total. */
    default boolean priced() {
        return this instanceof PercentOff || this instanceof AmountOff;
    }

    /**
     * {@link #on} in minor units, without allocating for the usual percentages (at most 9 decimals; the product
     * below {@link Long#MAX_VALUE}): the same half-up rounding, falling back to {@link #on} otherwise. The
     * simulator prices every qualifying order with it.
     *
     * @param maximum the cap in minor units; {@link Long#MAX_VALUE} for none
     */
    default long onMinor(long base, long maximum, java.util.Currency currency) {
        long discount;
        if (this instanceof PercentOff p
                && p.percent().scale() >= 0
                && p.percent().scale() <= 9
                && p.percent().precision() <= 18) {
            long unscaled = p.percent().unscaledValue().longValueExact();
            long divisor = 100L * TEN_POWERS[p.percent().scale()];
            long product;
            try {
                product = Math.multiplyExact(base, unscaled);
            } catch (ArithmeticException e) {
                return Math.min(on(Money.ofMinor(base, currency), null).minor(), maximum);
            }
            long remainder = product % divisor;
            discount = product / divisor + (remainder >= divisor - remainder ? 1 : 0);
        } else if (this instanceof AmountOff a) {
            discount = Math.min(a.amount().minor(), base);
        } else if (this instanceof PercentOff) {
            discount = on(Money.ofMinor(base, currency), null).minor();
        } else {
            return 0;
        }
        return Math.min(discount, maximum);
    }

    /** 10^0 .. 10^9. */
    long[] TEN_POWERS = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L
    };

    /**
     * The discount on a basket of {@code base}, capped at {@code maximum} (null: no cap), never more than the
     * basket: the checkout's arithmetic (percent half-up to the minor unit).
     */
    default Money on(Money base, Money maximum) {
        Money discount;
        if (this instanceof PercentOff p) {
            discount = Amounts.percentOf(base, p.percent());
        } else if (this instanceof AmountOff a) {
            discount = Amounts.min(a.amount(), base);
        } else {
            return Money.zero(base.currency());
        }
        return maximum == null ? discount : Amounts.min(discount, maximum);
    }
}
