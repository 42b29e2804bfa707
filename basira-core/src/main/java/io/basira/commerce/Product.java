package io.basira.commerce;

import io.basira.shared.Money;

/** A product of the store's catalogue; name, category and price are null when unknown. */
public record Product(String externalId, String name, String category, Money price) {

    public Product {
        Ids.requireExternalId(externalId, "product_id");
        ColumnLengths.check(name, "name");
        ColumnLengths.check(category, "category");
        if (price != null && price.isNegative()) {
            throw new IllegalArgumentException("price " + price.toPlainString() + " is negative");
        }
    }
}
