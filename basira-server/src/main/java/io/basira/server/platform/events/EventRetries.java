package io.basira.server.platform.events;

import io.basira.server.platform.jobs.BackgroundLoop;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's retry loop: once at start (the catch-up after a process died between a commit and its
 * deliveries), then every {@code interval}, delivers the due delivery rows ({@link JdbcDomainEvents#deliverDue});
 * about once an hour (on the application's clock) deletes the delivered events older than {@code retention}.
 */
public final class EventRetries extends BackgroundLoop {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final JdbcDomainEvents events;
    private final Duration retention;
    private final Hourly housekeeping;
    private volatile boolean caughtUp;

    public EventRetries(JdbcDomainEvents events, Clock clock, Duration interval, Duration retention) {
        super("basira-event-retries", interval);
        this.events = events;
        this.retention = retention;
        this.housekeeping = new Hourly(clock);
    }

    /** One round: the catch-up (first round) or the due rows, then the retention when an hour passed. */
    @Override
    protected void round() {
        events.deliverDue(!caughtUp);
        caughtUp = true;
        Instant now = housekeeping.due();
        if (now != null) {
            int forgotten = events.forgetDelivered(now.minus(retention));
            if (forgotten > 0) {
                log.info("deleted {} delivered domain events older than {}", forgotten, retention);
            }
        }
    }

    @Override
    protected String failure() {
        return "the retry of event deliveries failed";
    }

    /** Whether the catch-up at start has run (tests). */
    public boolean caughtUp() {
        return caughtUp;
    }
}
