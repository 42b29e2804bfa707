package io.basira.server.platform.jdbc;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Bounds how many reads of a store's whole history run at once. Such a read (every order of a
 * store for an analysis) holds a pooled connection for seconds at 100,000 customers; a dozen of
 * them at once used to take every connection of the pool, and checkout decisions, which need one
 * for a few milliseconds, failed after waiting 30 s. A read waits here for a permit, holding no
 * connection, and gives up with {@link Busy} after {@code wait}.
 */
public final class BulkReads {

    private final Semaphore permits;
    private final Duration wait;

    public BulkReads(int concurrent, Duration wait) {
        if (concurrent < 1) {
            throw new IllegalArgumentException("basira.db.bulk-reads must be at least 1, not " + concurrent);
        }
        this.permits = new Semaphore(concurrent, true);
        this.wait = wait;
    }

    /** Runs {@code read} once a permit is free. @throws Busy when none was free within the wait */
    public <T> T run(Supplier<T> read) {
        try {
            if (!permits.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new Busy(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Busy(wait);
        }
        try {
            return read.get();
        } finally {
            permits.release();
        }
    }

    /** The permits currently free (for tests and metrics). */
    public int available() {
        return permits.availablePermits();
    }

    /** No permit within the wait: the server is busy with other long reads; the caller may retry. */
    public static final class Busy extends RuntimeException {
        public Busy(Duration wait) {
            super("the server is busy with other analyses (waited " + wait.toSeconds() + " s); try again shortly");
        }
    }
}
