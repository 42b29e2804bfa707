package io.basira.segment.audience;

import io.basira.index.ColumnPredicate;
import io.basira.segment.FieldColumn;
import io.basira.segment.eval.Birthdays;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a range of {@code birthday} dates into ranges of the stored birth month-day
 * ({@link io.basira.fields.CustomerFields#BIRTH_MONTH_DAY}, or whichever column the field declares).
 *
 * <p>The next birthday depends only on the birth month and day, so each of the 366 month-days is
 * tried once with {@link Birthdays#nextBirthday} (which carries the 29 February rule: it falls on
 * 28 February in other years), and the month-days whose next birthday is in range are merged into
 * runs in calendar order. {@code birthday BETWEEN today AND +7d} on 28 December gives two runs,
 * {@code [1228, 1231]} and {@code [101, 104]}; no run at all is an empty range.
 */
final class BirthdayCodes {

    private static final int LEAP_YEAR = 2000;
    private static final List<MonthDay> ALL_DAYS = allDays();

    private BirthdayCodes() {}

    private static List<MonthDay> allDays() {
        List<MonthDay> days = new ArrayList<>(366);
        for (LocalDate d = LocalDate.of(LEAP_YEAR, 1, 1); d.getYear() == LEAP_YEAR; d = d.plusDays(1)) {
            days.add(MonthDay.from(d));
        }
        return days;
    }

    /** The month-days whose next birthday (on or after {@code today}) has an epoch day in {@code range}. */
    static ColumnPredicate within(String column, WholeRange range, LocalDate today) {
        List<ColumnPredicate> runs = new ArrayList<>();
        int runStart = -1;
        int previous = -1;
        for (MonthDay day : ALL_DAYS) {
            int code = FieldColumn.monthDayCode(day.getMonthValue(), day.getDayOfMonth());
            long next = Birthdays.nextBirthday(day.atYear(LEAP_YEAR), today).toEpochDay();
            boolean in = contains(range, next);
            if (in && runStart < 0) {
                runStart = code;
            } else if (!in && runStart >= 0) {
                runs.add(ColumnPredicate.between(column, runStart, previous));
                runStart = -1;
            }
            previous = code;
        }
        if (runStart >= 0) {
            runs.add(ColumnPredicate.between(column, runStart, previous));
        }
        if (runs.isEmpty()) {
            return ColumnPredicate.between(column, 1, 0);
        }
        return runs.size() == 1 ? runs.get(0) : new ColumnPredicate.Or(runs);
    }

    private static boolean contains(WholeRange range, long value) {
        BigInteger v = BigInteger.valueOf(value);
        return (range.low() == null || range.low().compareTo(v) <= 0)
                && (range.high() == null || v.compareTo(range.high()) <= 0);
    }
}
