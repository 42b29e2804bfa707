package io.basira.commerce;

import io.basira.shared.DateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
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
        ColumnLengths.check(firstName, "first_name");
        ColumnLengths.check(lastName, "last_name");
        ColumnLengths.check(email, "email");
        ColumnLengths.check(phone, "phone");
        ColumnLengths.check(city, "city");
        ColumnLengths.check(region, "region");
        DateRange.require(birthDate, "birth_date");
        DateRange.require(Objects.requireNonNull(createdAt, "created_at"), "created_at");
        tags = tags == null ? Set.of() : Set.copyOf(tags);
        requireTags(tags);
        if (country != null && !COUNTRY.matcher(country).matches()) {
            throw new IllegalArgumentException("country '" + country + "' is not an ISO 3166 alpha-2 code (SA, AE)");
        }
    }

    /** Each tag is one line without {@code ;}; all of them, sorted and joined with {@code ;}, fit the column. */
    private static void requireTags(Set<String> tags) {
        for (String tag : tags) {
            ColumnLengths.check(tag, "tags");
            if (tag.isBlank() || tag.indexOf(';') >= 0) {
                throw new IllegalArgumentException("tags '" + tag + "' must not be blank or contain ';'");
            }
        }
        ColumnLengths.check(String.join(";", new TreeSet<>(tags)), "tags");
    }
}
