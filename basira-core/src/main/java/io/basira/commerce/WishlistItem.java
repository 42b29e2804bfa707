package io.basira.commerce;

import io.basira.shared.DateRange;
import java.time.Instant;
import java.util.Objects;

/** A product on a customer's wishlist; a customer has a product on it at most once. */
public record WishlistItem(String customerExternalId, String productExternalId, Instant addedAt) {

    public WishlistItem {
        Ids.requireExternalId(customerExternalId, "customer_id");
        Ids.requireExternalId(productExternalId, "product_id");
        DateRange.require(Objects.requireNonNull(addedAt, "added_at"), "added_at");
    }
}
