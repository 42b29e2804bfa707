package io.basira.server.sources.mapping;

import io.basira.commerce.Customer;
import io.basira.commerce.Gender;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;

/** A platform's reader: one event in, what it becomes out. Readers are stateless and thread-safe. */
public interface PlatformEvents {

    /** @throws Unmappable when the payload cannot become canonical records (it is parked with the reason) */
    Mapped read(PlatformEvent event);

    /** The reader of a platform by its code ({@code salla}, {@code zid}, {@code shopify}, {@code standard}). */
    static PlatformEvents of(String platform) {
        return switch (platform) {
            case "salla" -> new SallaEvents();
            case "zid" -> new ZidEvents();
            case "shopify" -> new ShopifyEvents();
            case "standard" -> new StandardEvents();
            default -> throw new IllegalArgumentException("no reader for platform '" + platform + "'");
        };
    }

    /** Builds a record, turning a refused value into an {@link Unmappable} that says where it was. */
    static <T> T build(String where, Supplier<T> record) {
        try {
            return record.get();
        } catch (IllegalArgumentException | ArithmeticException | NullPointerException e) {
            throw new Unmappable(where + ": " + e.getMessage());
        }
    }

    /** A customer from the attributes the platforms send; a country that is not an ISO code is left out. */
    static Customer customer(
            String where,
            String id,
            String firstName,
            String lastName,
            String email,
            String phone,
            String gender,
            LocalDate birthDate,
            String city,
            String country,
            Instant createdAt) {
        String code = country == null ? null : country.strip().toUpperCase(Locale.ROOT);
        Gender known = gender == null
                ? null
                : switch (gender.strip().toLowerCase(Locale.ROOT)) {
                    case "male", "m" -> Gender.MALE;
                    case "female", "f" -> Gender.FEMALE;
                    default -> null;
                };
        return build(
                where,
                () -> new Customer(
                        id,
                        firstName,
                        lastName,
                        email,
                        phone,
                        known,
                        birthDate,
                        city,
                        null,
                        code != null && code.matches("[A-Z]{2}") ? code : null,
                        createdAt,
                        Set.of()));
    }

    /** {@code Sara Al-Qahtani} → first name {@code Sara}, last name {@code Al-Qahtani}. */
    static String[] splitName(String name) {
        if (name == null) {
            return new String[] {null, null};
        }
        String[] parts = name.strip().split("\\s+", 2);
        return new String[] {parts[0], parts.length > 1 ? parts[1] : null};
    }
}
