package io.basira.commerce;

import io.basira.shared.DateRange;
import io.basira.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * One version of an order. A later version with the same {@code externalId} replaces it whole.
 * {@code discountTotal} is zero when there was none; coupon, payment and shipping are null when absent.
 */
public record Order(
        String externalId,
        String customerExternalId,
        Instant createdAt,
        OrderStatus status,
        Money total,
        Money discountTotal,
        String couponCode,
        String paymentMethod,
        String shippingMethod) {

    public Order {
        Ids.requireExternalId(externalId, "order_id");
        Ids.requireExternalId(customerExternalId, "customer_id");
        DateRange.require(Objects.requireNonNull(createdAt, "created_at"), "created_at");
        ColumnLengths.check(couponCode, "coupon_code");
        ColumnLengths.check(paymentMethod, "payment_method");
        ColumnLengths.check(shippingMethod, "shipping_method");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(total, "total");
        if (total.isNegative()) {
            throw new IllegalArgumentException("total " + total.toPlainString() + " is negative");
        }
        discountTotal = discountTotal == null ? Money.zero(total.currency()) : discountTotal;
        if (discountTotal.isNegative()) {
            throw new IllegalArgumentException("discount_total " + discountTotal.toPlainString() + " is negative");
        }
        if (!discountTotal.currency().equals(total.currency())) {
            throw new IllegalArgumentException("discount_total and total are in different currencies");
        }
    }

    /** Whether the order used a coupon or carried a discount (for discount_share). */
    public boolean isDiscounted() {
        return (couponCode != null && !couponCode.isBlank()) || discountTotal.minor() > 0;
    }
}
