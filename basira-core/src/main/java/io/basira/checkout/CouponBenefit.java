package io.basira.checkout;

import io.basira.shared.Money;
import java.math.BigDecimal;
import java.util.Objects;

/** What a valid coupon gives. */
public sealed interface CouponBenefit {

    /** {@code percent} (above 0, at most 100) off the subtotal left after automatic offers. */
    record PercentOff(BigDecimal percent) implements CouponBenefit {
        public PercentOff {
            Amounts.requirePercent(percent);
        }
    }

    /** A fixed amount off the subtotal left after automatic offers (never more than what is left). */
    record AmountOff(Money amount) implements CouponBenefit {
        public AmountOff {
            Objects.requireNonNull(amount, "amount");
            if (amount.minor() <= 0) {
                throw new IllegalArgumentException("amount " + amount.toPlainString() + " is not positive");
            }
        }
    }

    /** Free shipping; no discount on the items. */
    record FreeShipping() implements CouponBenefit {}
}
