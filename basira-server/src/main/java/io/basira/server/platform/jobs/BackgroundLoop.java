package io.basira.server.platform.jobs;

import io.basira.server.platform.errors.RedactedFailure;
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
 * A round of work run in the server on a daemon thread of its own: once at start, then {@code period} after each
 * round ends, and at once when {@link #wake woken}. A round that fails is logged (without its message: see
 * {@link RedactedFailure}) and the next one runs as planned; rounds never overlap. Stopping interrupts the round
 * running and waits up to 10 s for it.
 *
 * <p>For work every instance does on its own; work done once per store at a store's time is a
 * {@link StoreMidnightJob} of the durable scheduler instead.
 */
public abstract class BackgroundLoop implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BackgroundLoop.class);

    private final String threadName;
    private final Duration period;
    private final AtomicBoolean woken = new AtomicBoolean();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    protected BackgroundLoop(String threadName, Duration period) {
        this.threadName = threadName;
        this.period = period;
    }

    /** One round of the work. */
    protected abstract void round();

    /** What failed, for the log ("sending webhooks failed"). */
    protected abstract String failure();

    @Override
    public final void start() {
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, threadName);
            thread.setDaemon(true);
            return thread;
        });
        running = true;
        executor.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Runs a round now rather than at the next period (several wake-ups before it runs make one round). */
    public final void wake() {
        if (running && woken.compareAndSet(false, true)) {
            try {
                executor.execute(this::tick);
            } catch (RuntimeException e) {
                woken.set(false); // stopping: the next start runs a round anyway
            }
        }
    }

    private void tick() {
        woken.set(false);
        try {
            round();
        } catch (RuntimeException e) {
            log.warn("{}; tried again in {}", failure(), period, RedactedFailure.of(e));
        }
    }

    @Override
    public final void stop() {
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
    public final boolean isRunning() {
        return running;
    }

    /**
     * Housekeeping done about once an hour on the application's clock (the first time at once); a clock set back
     * makes it due again.
     */
    public static final class Hourly {

        private final Clock clock;
        private Instant last = Instant.MIN;

        public Hourly(Clock clock) {
            this.clock = clock;
        }

        /** @return the time now when an hour passed since the last time it was due (which it now is), else null */
        public Instant due() {
            Instant now = clock.instant();
            if (Duration.between(last, now).compareTo(Duration.ofHours(1)) >= 0 || now.isBefore(last)) {
                last = now;
                return now;
            }
            return null;
        }
    }
}
