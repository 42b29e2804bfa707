package io.basira.segment.eval;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * The {@code birthday} and {@code age} fields. A birthday in a year is the birth month and day in that
 * year, except that 29 February falls on 28 February in years that are not leap years. Age turns on that
 * birthday, so a customer born on 29 February 2000 is 1 on 28 February 2001.
 */
public final class Birthdays {

    private Birthdays() {}

    /** The date of the next birthday on or after {@code today} (today counts). */
    public static LocalDate nextBirthday(LocalDate birthDate, LocalDate today) {
        MonthDay monthDay = MonthDay.from(birthDate);
        LocalDate thisYear = monthDay.atYear(today.getYear());
        return thisYear.isBefore(today) ? monthDay.atYear(today.getYear() + 1) : thisYear;
    }

    /** Whole years from {@code birthDate} to {@code today}; negative when the birth date is in the future. */
    public static int age(LocalDate birthDate, LocalDate today) {
        int years = today.getYear() - birthDate.getYear();
        LocalDate birthdayThisYear = MonthDay.from(birthDate).atYear(today.getYear());
        return birthdayThisYear.isAfter(today) ? years - 1 : years;
    }
}
