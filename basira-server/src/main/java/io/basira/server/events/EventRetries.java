package io.basira.server.events;

import io.basira.server.api.RedactedFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The server's retry loop: once at start (the catch-up after a process died between a commit and its
 * deliveries), then every {@code interval}, delivers the due delivery rows ({@link JdbcDomainEvents#deliverDue});
 * about once an hour (on the application's clock) deletes the delivered events older than {@code retention}.
 */
public final class EventRetries implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final JdbcDomainEvents events;
    private final Clock clock;
    private final Duration interval;
    private final Duration retention;
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private volatile boolean caughtUp;
    private Instant lastRetention = Instant.MIN;

    public EventRetries(JdbcDomainEvents events, Clock clock, Duration interval, Duration retention) {
        this.events = events;
        this.clock = clock;
        this.interval = interval;
        this.retention = retention;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "basira-event-retries");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One round: the catch-up (first round) or the due rows, then the retention when an hour passed. */
    void tick() {
        try {
            events.deliverDue(!caughtUp);
            caughtUp = true;
            Instant now = clock.instant();
            if (Duration.between(lastRetention, now).compareTo(Duration.ofHours(1)) >= 0 || now.isBefore(lastRetention)) {
                int forgotten = events.forgetDelivered(now.minus(retention));
                lastRetention = now;
                if (forgotten > 0) {
                    log.info("deleted {} delivered domain events older than {}", forgotten, retention);
                }
            }
        } catch (RuntimeException e) {
            log.warn("the retry of event deliveries failed; tried again in {}", interval, RedactedFailure.of(e));
        }
    }

    /** Whether the catch-up at start has run (tests). */
    public boolean caughtUp() {
        return caughtUp;
    }

    @Override
    public void stop() {
        running = false;
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
