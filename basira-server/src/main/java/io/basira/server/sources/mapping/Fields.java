package io.basira.server.sources.mapping;

import io.basira.shared.Money;
import io.basira.shared.UnitPrice;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Currency;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * Reading the platforms' JSON leniently where they vary (a number or a string, a flat amount or an
 * {@code {amount, currency}} object, several date spellings) and exactly where it matters (money is
 * never a double). Absent, null and blank values read as null.
 */
final class Fields {

    /** {@code 2024-03-01 18:20:00} and {@code 2024-03-01 18:20:00.000000} (Salla's and Zid's PHP dates). */
    private static final DateTimeFormatter SPACED = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendLiteral(' ')
            .appendPattern("HH:mm:ss")
            .optionalStart()
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd()
            .toFormatter(Locale.ROOT);
    /** {@code Wed Jun 29 2022 13:15:53 GMT+0300} (a JavaScript date's text). */
    private static final DateTimeFormatter JAVASCRIPT =
            DateTimeFormatter.ofPattern("EEE MMM dd yyyy HH:mm:ss 'GMT'xx", Locale.ENGLISH);

    private Fields() {}

    /** The node at {@code path} below {@code node}; a missing node when any step is absent. */
    static JsonNode at(JsonNode node, String... path) {
        JsonNode current = node;
        for (String step : path) {
            current = current == null ? null : current.get(step);
        }
        return current;
    }

    static boolean present(JsonNode node) {
        return node != null && !node.isNull() && !node.isMissingNode();
    }

    /** A string or number as text, stripped; null when absent or blank. */
    static String text(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (!present(value) || value.isContainer()) {
            return null;
        }
        String text = value.isNumber()
                ? value.decimalValue().toPlainString()
                : value.asString().strip();
        return text.isEmpty() ? null : text;
    }

    /** An id (string or integral number); null when absent. */
    static String id(JsonNode node, String... path) {
        JsonNode value = at(node, path);
        if (present(value) && value.isNumber()) {
            return value.decimalValue().stripTrailingZeros().toPlainString();
        }
        return text(node, path);
    }

    /** @throws Unmappable naming the field when it is absent */
    static String requiredId(JsonNode node, String where, String... path) {
        String id = id(node, path);
        if (id == null) {
            throw new Unmappable(where + ": " + String.join(".", path) + " is missing");
        }
        return id;
    }

    /** An amount: a number, a numeric string, or an object with {@code amount}; null when absent. */
    static BigDecimal decimal(JsonNode value) {
        if (!present(value)) {
            return null;
        }
        if (value.isObject()) {
            return decimal(value.get("amount"));
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        String text = value.asString().strip().replace(",", "");
        if (text.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Unmappable("'" + text + "' is not an amount");
        }
    }

    /**
     * An amount in {@code currency} (or the currency its object names), exact: more decimals than the
     * currency has minor units is an error, trailing zeros are not. Null when absent.
     *
     * @throws Unmappable naming {@code where}
     */
    static Money money(JsonNode value, Currency currency, String where) {
        return money(value, currency, where, false);
    }

    /** @param rounding whether more decimals than minor units are rounded ({@link UnitPrice#ROUNDING}) */
    private static Money money(JsonNode value, Currency currency, String where, boolean rounding) {
        BigDecimal amount = decimal(value);
        if (amount == null) {
            return null;
        }
        Currency named = currency;
        String code = present(value) && value.isObject() ? text(value, "currency") : null;
        if (code != null) {
            try {
                named = Currency.getInstance(code.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new Unmappable(where + ": unknown currency '" + code + "'");
            }
        }
        String problem = Money.incomingProblem(amount);
        if (problem != null) {
            throw new Unmappable(where + ": '" + amount.toPlainString() + "' " + problem);
        }
        try {
            BigDecimal plain = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
            if (rounding) {
                plain = plain.setScale(Math.min(plain.scale(), Money.fractionDigits(named)), UnitPrice.ROUNDING);
            }
            return Money.ofMinor(Money.toMinor(plain, named), named);
        } catch (IllegalArgumentException e) {
            throw new Unmappable(where + ": " + e.getMessage());
        }
    }

    /**
     * A unit price in {@code currency} (or the currency its object names), exact to
     * {@value UnitPrice#MAX_DECIMALS} decimals: finer than the currency's minor unit is kept (0.001 SAR a
     * piece). Null when absent. @throws Unmappable naming {@code where}
     */
    static UnitPrice unitPrice(JsonNode value, Currency currency, String where) {
        Money rounded = money(value, currency, where, true);
        if (rounded == null) {
            return null;
        }
        try {
            return new UnitPrice(decimal(value), rounded.currency());
        } catch (IllegalArgumentException e) {
            throw new Unmappable(where + ": " + e.getMessage());
        }
    }

    /**
     * A date-time in any of the platforms' spellings: ISO-8601 with or without an offset, {@code 2024-03-01
     * 18:20:00[.ffffff]}, a date, a JavaScript date's text, or Unix seconds; without an offset it is read
     * in {@code zone}. Null when absent. @throws Unmappable naming {@code where}
     */
    static Instant instant(String text, ZoneId zone, String where) {
        if (text == null) {
            return null;
        }
        try {
            if (text.chars().allMatch(Character::isDigit) && text.length() >= 9) {
                return Instant.ofEpochSecond(Long.parseLong(text));
            }
            if (text.length() == 10) {
                return LocalDate.parse(text).atStartOfDay(zone).toInstant();
            }
            if (text.indexOf('T') == 10) {
                try {
                    return OffsetDateTime.parse(text).toInstant();
                } catch (DateTimeParseException withoutOffset) {
                    return LocalDateTime.parse(text).atZone(zone).toInstant();
                }
            }
            if (text.length() > 10 && text.charAt(10) == ' ' && Character.isDigit(text.charAt(0))) {
                return LocalDateTime.parse(text, SPACED).atZone(zone).toInstant();
            }
            return ZonedDateTime.parse(text, JAVASCRIPT).toInstant();
        } catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException e) {
            throw new Unmappable(where + ": '" + text + "' is not a date-time");
        }
    }

    /** A Salla-style date object {@code {date, timezone}} or a plain date-time text. */
    static Instant dateObject(JsonNode node, ZoneId storeZone, String where) {
        if (!present(node)) {
            return null;
        }
        if (!node.isObject()) {
            return instant(text(node), storeZone, where);
        }
        ZoneId zone = storeZone;
        String named = text(node, "timezone");
        if (named != null) {
            try {
                zone = ZoneId.of(named);
            } catch (RuntimeException e) {
                throw new Unmappable(where + ": unknown time zone '" + named + "'");
            }
        }
        return instant(text(node, "date"), zone, where);
    }

    /** A date ({@code 1990-05-17}, or the date part of a date-time); null when absent or not a date. */
    static LocalDate date(String text) {
        if (text == null || text.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(text.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
