package io.basira.server.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * When a delivery is tried (Standard Webhooks' schedule): the first attempt at once, then after 5 s, 5 min, 30 min,
 * 2 h, 5 h, 10 h, 14 h, 20 h and 24 h — ten attempts over about three and a half days, then it has failed. A
 * {@code Retry-After} of the answer (seconds or an HTTP date) puts the next attempt off further, never nearer, and
 * at most {@link #LONGEST_RETRY_AFTER}.
 */
public final class RetrySchedule {

    /** The wait after the 1st, 2nd, … failed attempt. */
    static final List<Duration> WAITS = List.of(
            Duration.ofSeconds(5),
            Duration.ofMinutes(5),
            Duration.ofMinutes(30),
            Duration.ofHours(2),
            Duration.ofHours(5),
            Duration.ofHours(10),
            Duration.ofHours(14),
            Duration.ofHours(20),
            Duration.ofHours(24));

    public static final int ATTEMPTS = WAITS.size() + 1;
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(24);

    private RetrySchedule() {}

    /** The wait after {@code attempts} failed attempts; empty when that was the last. */
    public static Optional<Duration> waitAfter(int attempts) {
        return attempts >= 1 && attempts < ATTEMPTS ? Optional.of(WAITS.get(attempts - 1)) : Optional.empty();
    }

    /** The next attempt after {@code attempts} failed ones at {@code now}, honouring a {@code Retry-After}; empty: failed. */
    public static Optional<Instant> nextAttempt(int attempts, Instant now, Optional<Duration> retryAfter) {
        return waitAfter(attempts).map(wait -> {
            Duration asked = retryAfter
                    .map(d -> d.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : d)
                    .orElse(Duration.ZERO);
            return now.plus(asked.compareTo(wait) > 0 ? asked : wait);
        });
    }

    /**
     * A {@code Retry-After} header (RFC 9110: delay-seconds or an HTTP-date) as a wait from {@code now}; empty when
     * absent, malformed or in the past.
     */
    public static Optional<Duration> retryAfter(Optional<String> header, Instant now) {
        if (header.isEmpty() || header.get().isBlank()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.matches("\\d{1,10}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(value)));
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return at.isAfter(now) ? Optional.of(Duration.between(now, at)) : Optional.empty();
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
