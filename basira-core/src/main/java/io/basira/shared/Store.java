package io.basira.shared;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A tenant: one merchant's store. All of its money is in {@link #currency()}; all of its calendar
 * arithmetic (days since, relative dates, midnight) is in {@link #timeZone()}.
 */
public record Store(StoreId id, String slug, String name, Currency currency, ZoneId timeZone) {

    public static final Currency DEFAULT_CURRENCY = Currency.getInstance("SAR");
    public static final ZoneId DEFAULT_TIME_ZONE = ZoneId.of("Asia/Riyadh");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    public Store {
        Objects.requireNonNull(id, "id");
        requireValidSlug(slug);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** A slug is 1–63 lowercase ASCII letters, digits and hyphens, not starting with a hyphen. */
    public static String requireValidSlug(String slug) {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(
                    "store slug '" + slug + "' must be 1-63 characters of a-z, 0-9 and '-', not starting with '-'");
        }
        return slug;
    }
}
