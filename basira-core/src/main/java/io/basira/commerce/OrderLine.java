package io.basira.commerce;

import io.basira.shared.Money;
import java.util.Objects;

/** A line of an order: a product, a quantity and the unit price paid. */
public record OrderLine(String orderExternalId, String productExternalId, int quantity, Money unitPrice) {

    public OrderLine {
        Ids.requireExternalId(orderExternalId, "order_id");
        Ids.requireExternalId(productExternalId, "product_id");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity " + quantity + " is not positive");
        }
        Objects.requireNonNull(unitPrice, "unit_price");
        if (unitPrice.isNegative()) {
            throw new IllegalArgumentException("unit_price " + unitPrice.toPlainString() + " is negative");
        }
    }
}
