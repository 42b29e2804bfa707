package io.basira.server.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Standard Webhooks retry schedule and the reading of Retry-After. */
class RetryScheduleTest {

    static final Instant NOW = Instant.parse("2024-06-01T09:00:00Z");

    @Test
    void ten_attempts_immediately_then_after_5s_5min_30min_2h_5h_10h_14h_20h_24h() {
        List<Duration> waits = new ArrayList<>();
        for (int attempts = 1; RetrySchedule.waitAfter(attempts).isPresent(); attempts++) {
            waits.add(RetrySchedule.waitAfter(attempts).get());
        }
        assertThat(waits)
                .containsExactly(
                        Duration.ofSeconds(5),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(30),
                        Duration.ofHours(2),
                        Duration.ofHours(5),
                        Duration.ofHours(10),
                        Duration.ofHours(14),
                        Duration.ofHours(20),
                        Duration.ofHours(24));
        assertThat(RetrySchedule.ATTEMPTS).isEqualTo(10);
        assertThat(RetrySchedule.nextAttempt(10, NOW, Optional.empty())).isEmpty();
    }

    @Test
    void retry_after_in_seconds_or_as_an_http_date_puts_the_next_attempt_off_but_never_nearer() {
        assertThat(RetrySchedule.retryAfter(Optional.of("120"), NOW)).contains(Duration.ofSeconds(120));
        assertThat(RetrySchedule.retryAfter(Optional.of("Sat, 01 Jun 2024 10:00:00 GMT"), NOW))
                .contains(Duration.ofHours(1));
        assertThat(RetrySchedule.retryAfter(Optional.of("Sat, 01 Jun 2024 08:00:00 GMT"), NOW))
                .isEmpty(); // past
        assertThat(RetrySchedule.retryAfter(Optional.of("soon"), NOW)).isEmpty();
        assertThat(RetrySchedule.retryAfter(Optional.of("-5"), NOW)).isEmpty();
        assertThat(RetrySchedule.retryAfter(Optional.empty(), NOW)).isEmpty();

        assertThat(RetrySchedule.nextAttempt(1, NOW, Optional.of(Duration.ofSeconds(120))))
                .contains(NOW.plusSeconds(120));
        assertThat(RetrySchedule.nextAttempt(2, NOW, Optional.of(Duration.ofSeconds(1))))
                .contains(NOW.plus(Duration.ofMinutes(5)));
        assertThat(RetrySchedule.nextAttempt(1, NOW, Optional.of(Duration.ofDays(30))))
                .contains(NOW.plus(Duration.ofHours(24)));
    }
}
