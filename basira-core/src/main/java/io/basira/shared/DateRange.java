package io.basira.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The dates Basira accepts, wherever they come in: calendar days from {@value #EARLIEST_TEXT} to
 * {@value #LATEST_TEXT} inclusive, for instants ({@code created_at}, {@code valid_from} …), birth
 * dates and "as of" dates alike. Outside it, dates are almost always typing mistakes, and extreme
 * ones break the arithmetic of ages, cohorts and periods and the databases' own ranges.
 *
 * <p>Where a store's time zone is known (every way in), an instant is accepted when its date in
 * that zone is such a day. The records, which know no zone, accept an instant that falls on such a
 * day in some offset from −18:00 to +18:00: from
 * {@code 1900-01-01T00:00:00+18:00} ({@code 1899-12-31T06:00:00Z}) to
 * {@code 2199-12-31T23:59:59.999999999-18:00} ({@code 2200-01-01T17:59:59.999999999Z}), so any
 * date-time written on one of those days, in any zone, is accepted. Thread-safe; no state.
 */
public final class DateRange {

    static final String EARLIEST_TEXT = "1900-01-01";
    static final String LATEST_TEXT = "2199-12-31";

    /** The first accepted calendar day. */
    public static final LocalDate EARLIEST = LocalDate.parse(EARLIEST_TEXT);
    /** The last accepted calendar day. */
    public static final LocalDate LATEST = LocalDate.parse(LATEST_TEXT);
    /** The first accepted instant: the start of {@link #EARLIEST} at +18:00. */
    public static final Instant EARLIEST_INSTANT = EARLIEST.atStartOfDay().toInstant(ZoneOffset.MAX);
    /** The last accepted instant: the end of {@link #LATEST} at −18:00. */
    public static final Instant LATEST_INSTANT =
            LocalDateTime.of(LATEST, java.time.LocalTime.MAX).toInstant(ZoneOffset.MIN);

    private static final String REASON = "is outside the accepted dates " + EARLIEST_TEXT + " to " + LATEST_TEXT;

    private DateRange() {}

    /** Why {@code date} is not accepted, or null when it is (or is null). */
    public static String problem(LocalDate date) {
        return date == null || (!date.isBefore(EARLIEST) && !date.isAfter(LATEST)) ? null : REASON;
    }

    /** Why {@code instant} is not accepted in any zone, or null when it is (or is null). */
    public static String problem(Instant instant) {
        return instant == null || (!instant.isBefore(EARLIEST_INSTANT) && !instant.isAfter(LATEST_INSTANT))
                ? null
                : REASON;
    }

    /**
     * Why {@code instant} is not accepted for a store in {@code zone}, or null when it is: its date
     * in that zone must be an accepted day. This is the rule at every way in (a store's data is read
     * in its zone); {@link #problem(Instant)} is the zone-free guard of the records.
     */
    public static String problem(Instant instant, ZoneId zone) {
        String anyZone = problem(instant);
        return anyZone != null || instant == null ? anyZone : problem(Dates.dateIn(instant, zone));
    }

    /** {@code date} unchanged. @throws IllegalArgumentException "{@code field} 'date' is outside ..." */
    public static LocalDate require(LocalDate date, String field) {
        String problem = problem(date);
        if (problem != null) {
            throw new IllegalArgumentException(field + " '" + date + "' " + problem);
        }
        return date;
    }

    /** {@code instant} unchanged. @throws IllegalArgumentException "{@code field} 'instant' is outside ..." */
    public static Instant require(Instant instant, String field) {
        String problem = problem(instant);
        if (problem != null) {
            throw new IllegalArgumentException(field + " '" + instant + "' " + problem);
        }
        return instant;
    }
}
