package io.basira.checkout;

import io.basira.commerce.ColumnLengths;
import io.basira.shared.Money;
import io.basira.shared.TextRules;
import java.util.Objects;

/** A line of the cart at checkout: a product, a quantity and the exact unit price. */
public record CartItem(String productId, int quantity, Money unitPrice) {

    public CartItem {
        if (productId == null || productId.isBlank()) {
            throw new IllegalArgumentException("product_id is required");
        }
        TextRules.requireLine(productId, "product_id", ColumnLengths.ID);
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity " + quantity + " must be at least 1");
        }
        Objects.requireNonNull(unitPrice, "unit_price");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit_price " + unitPrice.toPlainString() + " is negative");
        }
        try {
            Math.multiplyExact(unitPrice.minor(), (long) quantity);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("quantity " + quantity + " × unit_price " + unitPrice.toPlainString()
                    + " is more than the largest amount Basira counts (" + Checkouts.largest(unitPrice) + ")");
        }
    }

    public Money lineTotal() {
        return Money.ofMinor(Math.multiplyExact(unitPrice.minor(), (long) quantity), unitPrice.currency());
    }
}
