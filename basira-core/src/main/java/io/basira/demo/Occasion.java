package io.basira.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.MonthDay;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * The shopping seasons of a Saudi store, by Gregorian date. Ramadan follows the Umm al-Qura
 * calendar as announced in Saudi Arabia; 2023–2026 are the observed dates, 2027 the announced
 * expected date. Years outside the table have no Ramadan peak (documented in docs/demo-store.md).
 */
enum Occasion {
    NONE,
    /** The month of fasting: more orders, late-night shopping after iftar. */
    RAMADAN,
    /** Ramadan's last ten nights: Eid shopping. */
    RAMADAN_LAST_TEN,
    /** White Friday (the Gulf's Black Friday): the Friday after the fourth Thursday of November. */
    WHITE_FRIDAY,
    /** The week before White Friday and the following Cyber weekend. */
    WHITE_FRIDAY_WEEK,
    /** Saudi National Day, 23 September, and the days before it. */
    NATIONAL_DAY,
    /** Saudi Founding Day, 22 February, and the days before it. */
    FOUNDING_DAY;

    /** First and last day (both inclusive) of Ramadan, per year. */
    private static final List<LocalDate[]> RAMADAN_DAYS = List.of(
            new LocalDate[] {LocalDate.of(2023, 3, 23), LocalDate.of(2023, 4, 20)},
            new LocalDate[] {LocalDate.of(2024, 3, 11), LocalDate.of(2024, 4, 9)},
            new LocalDate[] {LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 29)},
            new LocalDate[] {LocalDate.of(2026, 2, 18), LocalDate.of(2026, 3, 19)},
            new LocalDate[] {LocalDate.of(2027, 2, 8), LocalDate.of(2027, 3, 9)});

    private static final MonthDay NATIONAL_DAY_DATE = MonthDay.of(Month.SEPTEMBER, 23);
    private static final MonthDay FOUNDING_DAY_DATE = MonthDay.of(Month.FEBRUARY, 22);

    /** The occasion a day belongs to; Ramadan wins over Founding Day when they meet. */
    static Occasion on(LocalDate day) {
        for (LocalDate[] ramadan : RAMADAN_DAYS) {
            if (!day.isBefore(ramadan[0]) && !day.isAfter(ramadan[1])) {
                return day.isAfter(ramadan[1].minusDays(10)) ? RAMADAN_LAST_TEN : RAMADAN;
            }
        }
        LocalDate whiteFriday = whiteFriday(day.getYear());
        if (day.equals(whiteFriday)) {
            return WHITE_FRIDAY;
        }
        if (!day.isBefore(whiteFriday.minusDays(6)) && !day.isAfter(whiteFriday.plusDays(3))) {
            return WHITE_FRIDAY_WEEK;
        }
        if (within(day, NATIONAL_DAY_DATE, 5)) {
            return NATIONAL_DAY;
        }
        return within(day, FOUNDING_DAY_DATE, 2) ? FOUNDING_DAY : NONE;
    }

    /** The Friday after the fourth Thursday of November of {@code year}. */
    static LocalDate whiteFriday(int year) {
        LocalDate fourthThursday =
                LocalDate.of(year, Month.NOVEMBER, 1).with(TemporalAdjusters.dayOfWeekInMonth(4, DayOfWeek.THURSDAY));
        return fourthThursday.plusDays(1);
    }

    boolean isRamadan() {
        return this == RAMADAN || this == RAMADAN_LAST_TEN;
    }

    /** How many times an ordinary day's orders this occasion brings. */
    double orderFactor() {
        return switch (this) {
            case NONE -> 1.0;
            case RAMADAN -> 1.5;
            case RAMADAN_LAST_TEN -> 2.0;
            case WHITE_FRIDAY -> 4.0;
            case WHITE_FRIDAY_WEEK -> 1.8;
            case NATIONAL_DAY -> 1.4;
            case FOUNDING_DAY -> 1.25;
        };
    }

    private static boolean within(LocalDate day, MonthDay date, int daysBefore) {
        LocalDate thisYear = date.atYear(day.getYear());
        return !day.isAfter(thisYear) && !day.isBefore(thisYear.minusDays(daysBefore));
    }
}
