package io.basira.server.webhooks;

import io.basira.server.webhooks.jdbc.JdbcWebhookDeliveries;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The webhooks' gauges: {@code basira.webhooks.pending} (deliveries not finished, every store) and
 * {@code basira.webhooks.pending.oldest.seconds} (the age of the oldest of them, 0 when none). Read from the
 * database at most once a second, whatever the scrape rate; a failed read keeps the last values.
 */
public final class WebhookMetrics {

    private final JdbcWebhookDeliveries deliveries;
    private final Clock clock;
    private volatile JdbcWebhookDeliveries.Backlog last = new JdbcWebhookDeliveries.Backlog(0, null);
    private volatile long readAt = Long.MIN_VALUE;

    public WebhookMetrics(JdbcWebhookDeliveries deliveries, Clock clock, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.clock = clock;
        Gauge.builder("basira.webhooks.pending", this, m -> m.backlog().count())
                .description("webhook deliveries not finished (to be sent or retried)")
                .register(registry);
        Gauge.builder("basira.webhooks.pending.oldest.seconds", this, WebhookMetrics::oldestSeconds)
                .description("age of the oldest webhook delivery not finished")
                .baseUnit("seconds")
                .register(registry);
    }

    private double oldestSeconds() {
        Instant oldest = backlog().oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    private synchronized JdbcWebhookDeliveries.Backlog backlog() {
        long now = System.nanoTime();
        if (readAt == Long.MIN_VALUE || now - readAt > 1_000_000_000L) {
            try {
                last = deliveries.backlog();
            } catch (RuntimeException e) {
                // keep the last value: a metric never fails a scrape
            }
            readAt = now;
        }
        return last;
    }
}
