package io.basira.commerce;

import io.basira.shared.Money;
import io.basira.shared.UnitPrice;
import java.util.Objects;

/**
 * A line of an order: a product, a quantity and the unit price paid.
 *
 * @param unitPrice the unit price in minor units; when the shop's price is finer, that price rounded
 * @param exactUnitPrice the unit price when it is finer than the currency's minor unit ({@code 0.001} SAR), else
 *     null: {@code unitPrice} is then exact
 */
public record OrderLine(
        String orderExternalId, String productExternalId, int quantity, Money unitPrice, UnitPrice exactUnitPrice) {

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
        if (exactUnitPrice != null
                && (!exactUnitPrice.finerThanMinorUnits()
                        || !exactUnitPrice.rounded().equals(unitPrice))) {
            throw new IllegalArgumentException("unit_price " + unitPrice.toPlainString() + " is not "
                    + exactUnitPrice.toPlainString() + " rounded to minor units");
        }
    }

    /** A line whose unit price fits the currency's minor units. */
    public OrderLine(String orderExternalId, String productExternalId, int quantity, Money unitPrice) {
        this(orderExternalId, productExternalId, quantity, unitPrice, null);
    }

    /** A line at {@code price}, however fine. */
    public static OrderLine priced(String orderExternalId, String productExternalId, int quantity, UnitPrice price) {
        Objects.requireNonNull(price, "unit_price");
        return new OrderLine(
                orderExternalId,
                productExternalId,
                quantity,
                price.rounded(),
                price.finerThanMinorUnits() ? price : null);
    }

    /** The unit price, exactly as the shop set it. */
    public UnitPrice price() {
        return exactUnitPrice != null ? exactUnitPrice : UnitPrice.of(unitPrice);
    }

    /** quantity × the exact unit price, rounded once to minor units ({@link UnitPrice#ROUNDING}). */
    public Money lineTotal() {
        return price().times(quantity);
    }
}
