package io.basira.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** Reading the date-times that come in, in a store's time zone (the date-time type of docs/import.md). */
public final class Dates {

    private Dates() {}

    /**
     * Parses an ISO-8601 date-time with an offset ({@code 2024-03-01T18:20:00+03:00} or {@code ...Z}),
     * a date-time without one (read in {@code zone}) or a plain date (its start of day in {@code zone}).
     *
     * @throws IllegalArgumentException with a reason a merchant can act on
     */
    public static Instant parseInstant(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty date-time");
        }
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(zone).toInstant();
            }
            if (hasOffset(value)) {
                return OffsetDateTime.parse(value).toInstant();
            }
            return LocalDateTime.parse(value).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'" + value + "' is not an ISO-8601 date-time (2024-03-01T18:20:00+03:00) or date (2024-03-01)");
        }
    }

    /** Parses a plain ISO date ({@code 1990-05-17}). */
    public static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text.strip() + "' is not a date (YYYY-MM-DD)");
        }
    }

    private static boolean hasOffset(String value) {
        if (value.endsWith("Z") || value.endsWith("z")) {
            return true;
        }
        int t = value.indexOf('T');
        if (t < 0) {
            return false;
        }
        String time = value.substring(t + 1);
        return time.contains("+") || time.contains("-");
    }

    /** The calendar date of {@code instant} in {@code zone}. */
    public static LocalDate dateIn(Instant instant, ZoneId zone) {
        return ZonedDateTime.ofInstant(instant, zone).toLocalDate();
    }
}
