package io.basira.commerce;

import io.basira.shared.DateRange;
import java.time.Instant;
import java.util.Objects;

/** A review; without a product ({@code productExternalId} null) it is a rating of the store itself. */
public record Review(
        String externalId, String customerExternalId, String productExternalId, int rating, Instant createdAt) {

    public Review {
        Ids.requireExternalId(externalId, "review_id");
        Ids.requireExternalId(customerExternalId, "customer_id");
        if (rating < 1 || rating > 5) {
            throw new IllegalArgumentException("rating " + rating + " is not between 1 and 5");
        }
        Ids.optionalExternalId(productExternalId, "product_id");
        DateRange.require(Objects.requireNonNull(createdAt, "created_at"), "created_at");
    }

    public boolean isStoreRating() {
        return productExternalId == null;
    }
}
