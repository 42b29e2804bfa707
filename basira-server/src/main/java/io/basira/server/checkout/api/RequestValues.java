package io.basira.server.checkout.api;

import io.basira.shared.DateRange;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The checkout requests' values turned into the core's: each refusal an {@link IllegalArgumentException} that
 * names the field by its path ({@code items[2].unit_price}) and says why. Null stays null (absent).
 */
final class RequestValues {

    private RequestValues() {}

    /** An amount in the major unit, exact in the currency's minor units. */
    static Money money(String where, BigDecimal value, Currency currency) {
        if (value == null) {
            return null;
        }
        String problem = Money.incomingProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(where + ": '" + value.toPlainString() + "' " + problem);
        }
        try {
            return Money.ofMinor(Money.toMinor(value, currency), currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    static Integer whole(String where, BigDecimal value) {
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where + ": '" + value.toPlainString() + "' is not a whole number");
        }
    }

    static <T> T required(String where, T value) {
        if (value == null) {
            throw new IllegalArgumentException(where + ": is required");
        }
        return value;
    }

    /** An ISO-8601 date-time with an offset, its day (as written) within {@link DateRange}. */
    static Instant instant(String where, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where + ": '" + value
                    + "' is not an ISO-8601 date-time with an offset (2024-06-01T00:00:00+03:00)");
        }
        String problem = DateRange.problem(instant.toLocalDate()); // the day as written, in its own offset
        if (problem != null) {
            throw new IllegalArgumentException(where + ": '" + value.strip() + "' " + problem);
        }
        return instant.toInstant();
    }

    /** The list's strings in order, without repeats; absent is empty. */
    static Set<String> strings(String where, List<String> values) {
        Set<String> result = new LinkedHashSet<>();
        for (String value : values == null ? List.<String>of() : values) {
            if (value == null) {
                throw new IllegalArgumentException(where + ": expected an array of strings");
            }
            result.add(value);
        }
        return result;
    }
}
