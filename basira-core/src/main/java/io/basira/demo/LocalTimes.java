package io.basira.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;

/**
 * The generator's clock face. Every moment is a "local second": seconds since 1970-01-01T00:00 on
 * the store's wall clock (a {@link LocalDateTime} as a long), which makes hour-of-day and day
 * arithmetic trivial. Written out as ISO-8601 with the zone's offset at that moment
 * ({@code 2024-03-01T18:20:00+03:00}).
 */
final class LocalTimes {

    static final long DAY = 86_400;
    static final long HOUR = 3_600;

    private final ZoneRules rules;
    private final String fixedOffset;

    LocalTimes(ZoneId zone) {
        this.rules = zone.getRules();
        this.fixedOffset = rules.isFixedOffset() ? offsetText(rules.getOffset(LocalDateTime.MIN)) : null;
    }

    static long startOf(LocalDate day) {
        return day.toEpochDay() * DAY;
    }

    static LocalDate dateOf(long localSecond) {
        return LocalDate.ofEpochDay(Math.floorDiv(localSecond, DAY));
    }

    static int hourOf(long localSecond) {
        return (int) (Math.floorMod(localSecond, DAY) / HOUR);
    }

    /** ISO-8601 date-time with offset, seconds included. */
    String format(long localSecond) {
        StringBuilder text = new StringBuilder(25);
        appendDate(text, dateOf(localSecond));
        long ofDay = Math.floorMod(localSecond, DAY);
        text.append('T');
        two(text, (int) (ofDay / HOUR));
        text.append(':');
        two(text, (int) (ofDay % HOUR / 60));
        text.append(':');
        two(text, (int) (ofDay % 60));
        text.append(fixedOffset != null ? fixedOffset : offsetText(rules.getOffset(toLocal(localSecond))));
        return text.toString();
    }

    /** {@code YYYY-MM-DD}. */
    static String formatDate(LocalDate date) {
        StringBuilder text = new StringBuilder(10);
        appendDate(text, date);
        return text.toString();
    }

    private static LocalDateTime toLocal(long localSecond) {
        return LocalDateTime.ofEpochSecond(localSecond, 0, ZoneOffset.UTC);
    }

    private static void appendDate(StringBuilder text, LocalDate date) {
        text.append(date.getYear()).append('-');
        two(text, date.getMonthValue());
        text.append('-');
        two(text, date.getDayOfMonth());
    }

    private static void two(StringBuilder text, int value) {
        text.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
    }

    /** {@code +03:00}; UTC is written {@code +00:00}, never {@code Z}, so every row looks alike. */
    private static String offsetText(ZoneOffset offset) {
        int total = offset.getTotalSeconds();
        StringBuilder text = new StringBuilder(6).append(total < 0 ? '-' : '+');
        int minutes = Math.abs(total) / 60;
        two(text, minutes / 60);
        text.append(':');
        two(text, minutes % 60);
        return text.toString();
    }
}
