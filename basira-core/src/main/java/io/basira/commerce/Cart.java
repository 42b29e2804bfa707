package io.basira.commerce;

import io.basira.shared.DateRange;
import io.basira.shared.Money;
import java.time.Instant;
import java.util.Objects;

/** A cart; {@code customerExternalId} is null for an anonymous visitor's cart. */
public record Cart(
        String externalId,
        String customerExternalId,
        Instant createdAt,
        Instant updatedAt,
        Money total,
        Integer itemsCount,
        CartStatus status) {

    public Cart {
        Ids.requireExternalId(externalId, "cart_id");
        Ids.optionalExternalId(customerExternalId, "customer_id");
        DateRange.require(Objects.requireNonNull(createdAt, "created_at"), "created_at");
        DateRange.require(updatedAt, "updated_at");
        Objects.requireNonNull(status, "status");
        if (total != null && total.isNegative()) {
            throw new IllegalArgumentException("total " + total.toPlainString() + " is negative");
        }
        if (itemsCount != null && itemsCount < 0) {
            throw new IllegalArgumentException("items_count " + itemsCount + " is negative");
        }
    }
}
