package io.basira.server.startup;

import io.basira.server.platform.errors.RedactedFailure;
import io.basira.shared.Store;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.ApplicationListener;

/**
 * Brings every store into memory once the server is up, in the background, one store after another (each
 * {@link StoreWarmUp} in turn). Until it is done the {@code warmUp} health indicator, part of
 * {@code /actuator/health/readiness}, is out of service, so a load balancer sends no traffic to a server
 * whose first requests would wait on a load. Liveness is not affected; requests that arrive anyway are
 * served (a store not yet warm loads on first use, as without the warm-up).
 */
public final class WarmUp implements ApplicationListener<ApplicationReadyEvent>, HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(WarmUp.class);

    private final Supplier<List<Store>> stores;
    private final List<StoreWarmUp> steps;
    private final AtomicInteger warmed = new AtomicInteger();
    private volatile int total = -1;
    private volatile boolean done;
    private final CompletableFuture<Void> finished = new CompletableFuture<>();

    private final boolean enabled;

    /** @param enabled false: nothing is warmed and the server is ready at once (tests, command-line runs) */
    public WarmUp(Supplier<List<Store>> stores, List<StoreWarmUp> steps, boolean enabled) {
        this.stores = stores;
        this.steps = List.copyOf(steps);
        this.enabled = enabled;
        this.done = !enabled;
        if (!enabled) {
            finished.complete(null);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        if (!enabled) {
            return;
        }
        Thread thread = new Thread(this::run, "basira-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** Warms every store now, on the calling thread. */
    void run() {
        long started = System.nanoTime();
        try {
            List<Store> all = stores.get();
            total = all.size();
            for (Store store : all) {
                for (StoreWarmUp step : steps) {
                    long stepStarted = System.nanoTime();
                    try {
                        step.warmUp(store);
                        log.debug(
                                "warm-up '{}' of store {} in {} ms",
                                step.name(),
                                store.slug(),
                                Duration.ofNanos(System.nanoTime() - stepStarted)
                                        .toMillis());
                    } catch (RuntimeException e) {
                        log.warn(
                                "warm-up '{}' of store {} failed; it loads on first use",
                                step.name(),
                                store.slug(),
                                RedactedFailure.of(e));
                    }
                }
                warmed.incrementAndGet();
            }
        } catch (RuntimeException e) {
            log.warn("warm-up stopped; stores load on first use", RedactedFailure.of(e));
        } finally {
            done = true;
            log.info(
                    "warm-up: {} stores in memory in {} ms",
                    warmed.get(),
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
            finished.complete(null);
        }
    }

    /**
     * Completes once every store was warmed (or at once when warming is disabled), after the warm-up's log
     * line: what should be the last words of a start (the demo's sign-in block) waits for it.
     */
    public CompletableFuture<Void> finished() {
        return finished;
    }

    public boolean isDone() {
        return done;
    }

    @Override
    public Health health() {
        Health.Builder health = done ? Health.up() : Health.outOfService();
        return health.withDetail("stores", warmed.get())
                .withDetail("of", Math.max(total, 0))
                .build();
    }
}
