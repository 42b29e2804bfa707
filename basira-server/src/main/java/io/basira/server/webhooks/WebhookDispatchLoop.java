package io.basira.server.webhooks;

import io.basira.server.api.RedactedFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The server's dispatch loop: every {@code poll}, and at once when woken (a delivery was queued), sends the due
 * deliveries ({@link WebhookDispatcher#dispatchDue}) on a thread of its own, never the writer's; about once an hour
 * (on the application's clock) deletes finished deliveries older than {@code retention}. Every instance on one
 * PostgreSQL runs one; they share the rows through their claims.
 */
public final class WebhookDispatchLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatchLoop.class);

    private final WebhookDispatcher dispatcher;
    private final JdbcWebhookDeliveries deliveries;
    private final Clock clock;
    private final Duration poll;
    private final Duration retention;
    private final AtomicBoolean woken = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;
    private Instant lastRetention = Instant.MIN;

    public WebhookDispatchLoop(WebhookDispatcher dispatcher, JdbcWebhookDeliveries deliveries, Clock clock,
            Duration poll, Duration retention) {
        this.dispatcher = dispatcher;
        this.deliveries = deliveries;
        this.clock = clock;
        this.poll = poll;
        this.retention = retention;
    }

    @Override
    public void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "basira-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Sends what is due now rather than at the next poll (several wake-ups before it runs make one round). */
    public void wake() {
        if (running && woken.compareAndSet(false, true)) {
            try {
                executor.execute(this::tick);
            } catch (RuntimeException e) {
                woken.set(false);                             // stopping: the next start polls anyway
            }
        }
    }

    private void tick() {
        woken.set(false);
        try {
            dispatcher.dispatchDue();
            Instant now = clock.instant();
            if (Duration.between(lastRetention, now).compareTo(Duration.ofHours(1)) >= 0 || now.isBefore(lastRetention)) {
                int forgotten = deliveries.forgetFinished(now.minus(retention));
                lastRetention = now;
                if (forgotten > 0) {
                    log.info("deleted {} finished webhook deliveries older than {}", forgotten, retention);
                }
            }
        } catch (RuntimeException e) {
            log.warn("sending webhooks failed; tried again in {}", poll, RedactedFailure.of(e));
        }
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
