package io.basira.server.platform.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The outbox's gauges: {@code basira.events.incomplete} (delivery rows not done, every store) and
 * {@code basira.events.incomplete.oldest.seconds} (the age of the oldest event among them, 0 when none).
 * Read from the database at most once a second, whatever the scrape rate.
 */
public final class EventMetrics {

    private final JdbcDomainEvents events;
    private final Clock clock;
    private volatile JdbcDomainEvents.Backlog last = new JdbcDomainEvents.Backlog(0, null);
    private volatile long readAt = Long.MIN_VALUE;

    public EventMetrics(JdbcDomainEvents events, Clock clock, MeterRegistry registry) {
        this.events = events;
        this.clock = clock;
        Gauge.builder("basira.events.incomplete", this, m -> m.backlog().count())
                .description("domain event deliveries not done yet (retried)")
                .register(registry);
        Gauge.builder("basira.events.incomplete.oldest.seconds", this, EventMetrics::oldestSeconds)
                .description("age of the oldest domain event with a delivery not done")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private synchronized JdbcDomainEvents.Backlog backlog() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > 1_000_000_000L) {
            try {
                last = events.backlog();
            } catch (RuntimeException e) {
                // keep the last value: a metric never fails a scrape
            }
            readAt = now;
        }
        return last;
    }
}
