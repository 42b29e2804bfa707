package io.basira.server.analytics;

import io.basira.server.platform.errors.RedactedFailure;
import io.basira.shared.Store;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits each store's CLV models of the day ahead of its first CLV report ({@link StoreAnalytics#prepareClvReport}), in
 * the background on one thread, a store at a time: for every store once the start's warm-up is done, and for a store
 * after its nightly refresh (the store's new day). The models are fitted once per store and day (seconds at 100,000
 * customers); without this the day's first report would wait for them. A report asked for while its store's models
 * are being fitted here waits for that fit. Disabled (nothing is fitted ahead) where the warm-up is: tests and the
 * command line's short runs.
 */
public final class ClvModelsAhead implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ClvModelsAhead.class);

    private final StoreAnalytics analytics;
    private final ExecutorService thread;

    /** @param enabled false: {@link #prepare} does nothing */
    public ClvModelsAhead(StoreAnalytics analytics, boolean enabled) {
        this.analytics = analytics;
        this.thread = enabled
                ? Executors.newSingleThreadExecutor(runnable -> {
                    Thread t = new Thread(runnable, "basira-clv-models");
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                })
                : null;
    }

    /** Queues the fit of {@code store}'s models of the day; returns at once. A failure is logged, never thrown. */
    public void prepare(Store store) {
        if (thread == null) {
            return;
        }
        thread.execute(() -> {
            long started = System.nanoTime();
            try {
                analytics.prepareClvReport(store);
                log.info(
                        "CLV models of the day of store {} ready in {} ms",
                        store.slug(),
                        (System.nanoTime() - started) / 1_000_000);
            } catch (RuntimeException e) {
                log.warn(
                        "CLV models of store {} not fitted ahead; its first CLV report fits them",
                        store.slug(),
                        RedactedFailure.of(e));
            }
        });
    }

    /** Stops the thread; a fit in progress is abandoned (the next report fits the models itself). */
    @Override
    public void close() {
        if (thread != null) {
            thread.shutdownNow();
            try {
                thread.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
