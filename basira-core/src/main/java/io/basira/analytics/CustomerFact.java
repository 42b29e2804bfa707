package io.basira.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's attributes that analyses use. {@code city}, {@code region} and {@code country} are as the
 * store sent them and may be null.
 */
public record CustomerFact(String customerId, String city, String region, String country, Instant createdAt) {

    public CustomerFact {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(createdAt, () -> "customer " + customerId + " has no created_at");
    }
}
