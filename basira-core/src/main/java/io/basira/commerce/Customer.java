package io.basira.commerce;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A store's customer as the store describes them. {@code externalId} is the store's own id and the
 * key of every upsert. Optional attributes are null when unknown; {@code tags} is never null.
 */
public record Customer(
        String externalId,
        String firstName,
        String lastName,
        String email,
        String phone,
        Gender gender,
        LocalDate birthDate,
        String city,
        String region,
        String country,
        Instant createdAt,
        Set<String> tags) {

    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public Customer {
        Ids.requireExternalId(externalId, "customer_id");
        Objects.requireNonNull(createdAt, "created_at");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166 alpha-2 code (SA, AE)");
        }
    }
}
