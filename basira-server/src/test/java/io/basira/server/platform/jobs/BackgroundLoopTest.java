package io.basira.server.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BackgroundLoopTest {

    /** Fails its second round; counts every round. */
    static final class Counting extends BackgroundLoop {
        final AtomicInteger rounds = new AtomicInteger();
        final Semaphore ran = new Semaphore(0);

        Counting(Duration period) {
            super("test-loop", period);
        }

        @Override
        protected void round() {
            int n = rounds.incrementAndGet();
            ran.release();
            if (n == 2) {
                throw new IllegalStateException("the second round fails");
            }
        }

        @Override
        protected String failure() {
            return "the test round failed";
        }
    }

    @Test
    void runs_at_start_when_woken_and_again_after_a_failed_round() throws Exception {
        Counting loop = new Counting(Duration.ofHours(1));
        loop.start();
        try {
            assertThat(loop.isRunning()).isTrue();
            assertThat(loop.ran.tryAcquire(5, TimeUnit.SECONDS))
                    .as("the round at start")
                    .isTrue();
            loop.wake();
            assertThat(loop.ran.tryAcquire(5, TimeUnit.SECONDS))
                    .as("the woken round, which fails")
                    .isTrue();
            loop.wake();
            assertThat(loop.ran.tryAcquire(5, TimeUnit.SECONDS))
                    .as("a round after the failure")
                    .isTrue();
            assertThat(loop.rounds).hasValue(3);
        } finally {
            loop.stop();
        }
        assertThat(loop.isRunning()).isFalse();
        loop.wake(); // stopped: ignored
        assertThat(loop.ran.tryAcquire(200, TimeUnit.MILLISECONDS)).isFalse();
    }

    @Test
    void hourly_housekeeping_is_due_at_first_then_after_an_hour_or_when_the_clock_went_back() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T10:00:00Z"));
        BackgroundLoop.Hourly hourly = new BackgroundLoop.Hourly(clock);
        assertThat(hourly.due()).isEqualTo(Instant.parse("2026-01-01T10:00:00Z"));
        clock.now = Instant.parse("2026-01-01T10:59:59Z");
        assertThat(hourly.due()).isNull();
        clock.now = Instant.parse("2026-01-01T11:00:00Z");
        assertThat(hourly.due()).isEqualTo(clock.now);
        clock.now = Instant.parse("2026-01-01T10:30:00Z");
        assertThat(hourly.due()).isEqualTo(clock.now);
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
