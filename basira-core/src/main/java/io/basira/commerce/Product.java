package io.basira.commerce;

import io.basira.shared.Money;
import io.basira.shared.UnitPrice;

/**
 * A product of the store's catalogue; name, category and price are null when unknown.
 *
 * @param price the price in minor units; when the shop's price is finer, that price rounded
 * @param exactPrice the price when it is finer than the currency's minor unit, else null
 */
public record Product(String externalId, String name, String category, Money price, UnitPrice exactPrice) {

    public Product {
        Ids.requireExternalId(externalId, "product_id");
        ColumnLengths.check(name, "name");
        ColumnLengths.check(category, "category");
        if (price != null && price.isNegative()) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " is negative");
        }
        if (exactPrice != null
                && (!exactPrice.finerThanMinorUnits() || !exactPrice.rounded().equals(price))) {
            throw new IllegalArgumentException("price " + (price == null ? "(none)" : price.toPlainString())
                    + " is not " + exactPrice.toPlainString() + " rounded to minor units");
        }
    }

    /** A product whose price, if known, fits the currency's minor units. */
    public Product(String externalId, String name, String category, Money price) {
        this(externalId, name, category, price, null);
    }

    /** A product at {@code price} (null: unknown), however fine. */
    public static Product priced(String externalId, String name, String category, UnitPrice price) {
        return new Product(
                externalId,
                name,
                category,
                price == null ? null : price.rounded(),
                price != null && price.finerThanMinorUnits() ? price : null);
    }
}
