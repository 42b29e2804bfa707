package io.basira.server.checkout;

import io.basira.shared.DateRange;
import io.basira.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Typed reads of one JSON object of the checkout API, each failure an {@link IllegalArgumentException}
 * that names the field by its path ({@code items[2].unit_price}) and says what was expected.
 */
final class JsonFields {

    private final Map<String, Object> json;
    private final String path;

    JsonFields(Map<String, Object> json, String path) {
        if (json == null) {
            throw new IllegalArgumentException((path.isEmpty() ? "body" : path) + ": expected a JSON object");
        }
        this.json = json;
        this.path = path;
    }

    String where(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    boolean has(String field) {
        return json.get(field) != null;
    }

    String string(String field) {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        if (value instanceof Map || value instanceof List) {
            throw new IllegalArgumentException(where(field) + ": expected a string");
        }
        return value.toString();
    }

    String requiredString(String field) {
        String value = string(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(where(field) + ": is required");
        }
        return value;
    }

    BigDecimal decimal(String field) {
        Object value = json.get(field);
        if (value == null) {
            return null;
        }
        String text = value instanceof Double || value instanceof Float ? new BigDecimal(value.toString()).toPlainString()
                : value.toString().strip();
        if (!text.matches("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)")) {
            throw new IllegalArgumentException(where(field) + ": '" + text + "' is not a decimal number");
        }
        return new BigDecimal(text);
    }

    /** An amount in the major unit ({@code "199.50"} or {@code 199.5}), exact in the currency's minor units. */
    Money money(String field, Currency currency) {
        BigDecimal value = decimal(field);
        if (value == null) {
            return null;
        }
        String problem = Money.incomingProblem(value);
        if (problem != null) {
            throw new IllegalArgumentException(where(field) + ": '" + value.toPlainString() + "' " + problem);
        }
        try {
            return Money.ofMinor(Money.toMinor(value, currency), currency);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where(field) + ": " + e.getMessage());
        }
    }

    Integer integer(String field) {
        BigDecimal value = decimal(field);
        if (value == null) {
            return null;
        }
        try {
            return value.intValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(where(field) + ": '" + value.toPlainString() + "' is not a whole number");
        }
    }

    Instant instant(String field) {
        String value = string(field);
        if (value == null || value.isBlank()) {
            return null;
        }
        OffsetDateTime instant;
        try {
            instant = OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(where(field) + ": '" + value
                    + "' is not an ISO-8601 date-time with an offset (2024-06-01T00:00:00+03:00)");
        }
        String problem = DateRange.problem(instant.toLocalDate()); // the day as written, in its own offset
        if (problem != null) {
            throw new IllegalArgumentException(where(field) + ": '" + value.strip() + "' " + problem);
        }
        return instant.toInstant();
    }

    boolean bool(String field, boolean fallback) {
        Object value = json.get(field);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException(where(field) + ": expected true or false");
    }

    Set<String> strings(String field) {
        Set<String> result = new LinkedHashSet<>();
        for (Object value : list(field)) {
            if (value == null || value instanceof Map || value instanceof List) {
                throw new IllegalArgumentException(where(field) + ": expected an array of strings");
            }
            result.add(value.toString());
        }
        return result;
    }

    List<Object> list(String field) {
        Object value = json.get(field);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException(where(field) + ": expected a JSON array");
        }
        return new ArrayList<>(list);
    }

    JsonFields object(String field) {
        return new JsonFields(asMap(json.get(field), where(field)), where(field));
    }

    static Map<String, Object> asMap(Object value, String where) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        Map<String, Object> result = new java.util.LinkedHashMap<>();
        map.forEach((k, v) -> result.put(String.valueOf(k), v));
        return result;
    }
}
