package io.basira.server.platform.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/** The start of a store's next local day, daylight saving included. */
public final class LocalMidnight {

    private LocalMidnight() {}

    /**
     * The first instant of the local day after the one {@code after} falls on, in {@code zone}: strictly later
     * than {@code after}. Where a zone's clocks jump over midnight (the day starts at 01:00), that is the
     * day's first valid time; days of 23 or 25 hours are counted as the zone counts them.
     */
    public static Instant after(Instant after, ZoneId zone) {
        LocalDate next = LocalDate.ofInstant(after, zone).plusDays(1);
        return next.atStartOfDay(zone).toInstant();
    }
}
