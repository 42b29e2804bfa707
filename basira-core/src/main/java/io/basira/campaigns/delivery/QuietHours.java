package io.basira.campaigns.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours of a store's night, in its own zone, when marketing messages wait: from {@code start} (inclusive)
 * to {@code end} (exclusive), across midnight when {@code start} is after {@code end} (the default 21:00–08:00).
 * Equal start and end mean no quiet hours. Wall-clock times: on a day a DST change skips the end time, the wait
 * ends at the first instant after the gap (java.time's rule), so a message never waits a day too long.
 */
public record QuietHours(LocalTime start, LocalTime end) {

    public static final QuietHours DEFAULT = new QuietHours(LocalTime.of(21, 0), LocalTime.of(8, 0));
    public static final QuietHours NONE = new QuietHours(LocalTime.MIDNIGHT, LocalTime.MIDNIGHT);

    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
    }

    /** Whether {@code local} (a wall-clock time in the store's zone) is inside the quiet hours. */
    public boolean contains(LocalTime local) {
        if (start.equals(end)) {
            return false;
        }
        return start.isBefore(end)
                ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /** When a marketing message asked for at {@code now} may go: empty when now, else the end of the quiet hours. */
    public Optional<Instant> waitUntil(Instant now, ZoneId zone) {
        ZonedDateTime here = now.atZone(zone);
        LocalTime local = here.toLocalTime();
        if (!contains(local)) {
            return Optional.empty();
        }
        LocalDate day = here.toLocalDate();
        // before the end on the same day (the small hours, or a same-day window), else tomorrow's end
        LocalDate endDay = local.isBefore(end) ? day : day.plusDays(1);
        return Optional.of(ZonedDateTime.of(endDay, end, zone).toInstant());
    }
}
