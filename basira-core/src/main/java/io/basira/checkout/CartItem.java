package io.basira.checkout;

import io.basira.shared.Money;
import java.util.Objects;

/** A line of the cart at checkout: a product, a quantity and the exact unit price. */
public record CartItem(String productId, int quantity, Money unitPrice) {

    public CartItem {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("product_id is required");
        }
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity " + quantity + " must be at least 1");
        }
        Objects.requireNonNull(unitPrice, "unit_price");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit_price " + unitPrice.toPlainString() + " is negative");
        }
    }

    public Money lineTotal() {
        return Money.ofMinor(Math.multiplyExact(unitPrice.minor(), (long) quantity), unitPrice.currency());
    }
}
