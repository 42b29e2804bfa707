package io.basira.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * When people shop, over the demo period: a weight per day and per hour of the day, and draws of
 * moments from that distribution.
 *
 * <p>Day weight = store growth (0.7 at the start rising linearly to 1.3 at the end) x day of week
 * (Thursday evening opens the Saudi weekend: Thu 1.2, Fri 1.1, Sat 1.1, other days about 1) x
 * {@link Occasion#orderFactor()} x payday (the government pays salaries on the 27th: 27th to month
 * end x1.2). Hour weights peak in the evening (20:00–23:00), higher on weekend evenings, lower
 * around Friday prayer; in Ramadan the day is quiet and shopping runs from after iftar to suhoor.
 *
 * <p>Layout: {@code cumulative[d]} is the total weight of days 0..d, so a moment is drawn by a
 * uniform number in a cumulative range and a binary search: O(log days), no per-customer state.
 * Immutable and thread-safe.
 */
final class ShoppingCalendar {

    private static final double[] HOURS = {
        4, 2.5, 1.5, 1, 0.6, 0.5, 0.7, 1.2, 2, 3, 3.8, 4.2, 4.2, 4.2, 4.2, 4.5, 5, 5.5, 6, 6.5, 7.5, 8.5, 8, 6
    };
    private static final double[] RAMADAN_HOURS = {
        8, 7, 5, 3, 1, 0.4, 0.3, 0.3, 0.5, 0.8, 1.2, 1.6, 2, 2.3, 2.6, 2.8, 3, 2.6, 1.2, 2.5, 6, 8, 9, 8.5
    };

    private final LocalDate first;
    private final int days;
    private final double[] cumulative;
    private final double[][] hourCumulative = new double[4][];

    ShoppingCalendar(LocalDate first, LocalDate last) {
        this.first = first;
        this.days = (int) (last.toEpochDay() - first.toEpochDay() + 1);
        double[] weights = new double[days];
        for (int d = 0; d < days; d++) {
            weights[d] = dayWeight(first.plusDays(d), (double) d / days);
        }
        this.cumulative = Weighted.cumulate(weights);
        for (int kind = 0; kind < 4; kind++) {
            hourCumulative[kind] = Weighted.cumulate(hourWeights(kind));
        }
    }

    /** The first moment of the period (midnight starting the first day). */
    long start() {
        return LocalTimes.startOf(first);
    }

    /** The moment the period ends, exclusive: midnight after the last day. This is the store's "as of". */
    long end() {
        return LocalTimes.startOf(first.plusDays(days));
    }

    /**
     * A moment in [{@code from}, {@code to}), drawn with the day and hour weights. Both bounds are
     * clamped to the period; the range must not be empty after clamping.
     */
    long draw(SplittableRandom random, long from, long to) {
        long low = Math.max(from, start());
        long high = Math.min(to, end());
        if (low >= high) {
            throw new IllegalArgumentException("empty range " + from + " .. " + to);
        }
        double massLow = massBefore(low);
        double massHigh = massBefore(high);
        double target = massLow + random.nextDouble() * (massHigh - massLow);
        int day = Weighted.indexOf(cumulative, target);
        long dayStart = start() + day * LocalTimes.DAY;
        for (int attempt = 0; attempt < 4; attempt++) {
            long moment = dayStart + timeOfDay(random, first.plusDays(day));
            if (moment >= low && moment < high) {
                return moment;
            }
        }
        long from2 = Math.max(low, dayStart);
        long to2 = Math.min(high, dayStart + LocalTimes.DAY);
        return from2 >= to2 ? low + random.nextLong(high - low) : from2 + random.nextLong(to2 - from2);
    }

    /** A moment anywhere in the period. */
    long draw(SplittableRandom random) {
        return draw(random, start(), end());
    }

    /** Total day weight before {@code moment}, counting the moment's own day pro rata. */
    private double massBefore(long moment) {
        long offset = moment - start();
        int day = (int) Math.min(days, offset / LocalTimes.DAY);
        double before = day == 0 ? 0 : cumulative[day - 1];
        if (day == days) {
            return before;
        }
        double dayWeight = cumulative[day] - before;
        return before + dayWeight * (offset % LocalTimes.DAY) / LocalTimes.DAY;
    }

    private long timeOfDay(SplittableRandom random, LocalDate day) {
        double[] hours = hourCumulative[hourKind(day)];
        int hour = Weighted.indexOf(hours, random.nextDouble() * hours[hours.length - 1]);
        return hour * LocalTimes.HOUR + random.nextInt(3600);
    }

    private static int hourKind(LocalDate day) {
        if (Occasion.on(day).isRamadan()) {
            return 3;
        }
        return switch (day.getDayOfWeek()) {
            case FRIDAY -> 2;
            case THURSDAY, SATURDAY -> 1;
            default -> 0;
        };
    }

    /** 0 weekday, 1 Thursday/Saturday (evening peak), 2 Friday (prayer dip, evening peak), 3 Ramadan. */
    private static double[] hourWeights(int kind) {
        double[] weights = (kind == 3 ? RAMADAN_HOURS : HOURS).clone();
        if (kind == 1 || kind == 2) {
            for (int h = 18; h < 24; h++) {
                weights[h] *= 1.35;
            }
        }
        if (kind == 2) {
            for (int h = 11; h < 14; h++) {
                weights[h] *= 0.5;
            }
        }
        return weights;
    }

    static double dayWeight(LocalDate day, double elapsedShare) {
        double growth = 0.7 + 0.6 * elapsedShare;
        double payday = day.getDayOfMonth() >= 27 ? 1.2 : 1.0;
        return growth * weekdayFactor(day.getDayOfWeek()) * Occasion.on(day).orderFactor() * payday;
    }

    private static double weekdayFactor(DayOfWeek day) {
        return switch (day) {
            case THURSDAY -> 1.2;
            case FRIDAY, SATURDAY -> 1.1;
            case MONDAY, TUESDAY -> 0.95;
            default -> 1.0;
        };
    }
}
