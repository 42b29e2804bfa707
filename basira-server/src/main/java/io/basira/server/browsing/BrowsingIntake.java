package io.basira.server.browsing;

import io.basira.browsing.BrowsingEvent;
import io.basira.browsing.Refusal;
import io.basira.shared.StoreId;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Holds a flash sale: the beacon's events wait in one bounded queue ({@code capacity} events: memory stays
 * bounded however slow the database is) and one writer thread drains it in batches of at most
 * {@code batchSize}, one {@link RecordBrowsing#record} per store of the batch. A request whose events do not
 * all fit is refused whole ({@link #offer} answers false: the controller says 503 with {@code Retry-After});
 * the senders back off while the writer catches up. Before that, above half the capacity, a request waits a
 * little for the writer ({@link #offer}). A batch that fails is tried again
 * ({@value #ATTEMPTS} times, a second apart) and then dropped, counted and logged without its content.
 *
 * <p>Counters: {@code basira.browsing.accepted}, {@code basira.browsing.rejected{reason}},
 * {@code basira.browsing.refused{cause=full|rate}}, {@code basira.browsing.written},
 * {@code basira.browsing.dropped}; gauge {@code basira.browsing.queued}. Thread-safe.
 */
public final class BrowsingIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BrowsingIntake.class);
    static final int ATTEMPTS = 3;
    /** The longest a request waits for the writer when the queue is over half full. */
    static final Duration PACE = Duration.ofMillis(20);
    /** At most this many requests wait for the writer at once. */
    static final int PACED = 16;

    private record Queued(StoreId store, BrowsingEvent event) {}

    private final RecordBrowsing record;
    private final ArrayBlockingQueue<Queued> queue;
    private final int batchSize;
    private final MeterRegistry meters;
    private final Object offering = new Object();
    private final Object progress = new Object();
    /** Notified when the writer has taken a batch from the queue. */
    private final Object drained = new Object();
    /** Above this many queued events a request is paced ({@link #pace}). */
    private final int highWater;

    private final Semaphore pacing = new Semaphore(PACED);
    private long offered;
    private long done;
    private volatile Thread writer;
    /** The counters of the request path, looked up once (a beacon does no registry lookup). */
    private final Counter accepted;

    private final Map<Refusal, Counter> rejected = new EnumMap<>(Refusal.class);
    private final Map<String, Counter> refused = new ConcurrentHashMap<>();

    public BrowsingIntake(RecordBrowsing record, int capacity, int batchSize, MeterRegistry meters) {
        if (capacity < 1 || batchSize < 1) {
            throw new IllegalArgumentException("the browsing queue needs a positive capacity and batch size");
        }
        this.record = record;
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.batchSize = batchSize;
        this.highWater = capacity / 2;
        this.meters = meters;
        Gauge.builder("basira.browsing.queued", queue, ArrayBlockingQueue::size).register(meters);
        this.accepted = meters.counter("basira.browsing.accepted");
        for (Refusal refusal : Refusal.values()) {
            rejected.put(
                    refusal,
                    Counter.builder("basira.browsing.rejected")
                            .tag("reason", refusal.code())
                            .register(meters));
        }
    }

    /**
     * Queues all of one request's events, or none when they do not all fit. Above half the capacity the request
     * first waits for the writer to take a batch, at most {@link #PACE} (back-pressure before refusal: see
     * {@link #pace}). @return whether they were queued
     */
    public boolean offer(StoreId store, List<BrowsingEvent> events) {
        if (queue.size() > highWater) {
            pace();
        }
        synchronized (offering) {
            if (queue.remainingCapacity() < events.size()) {
                refused("full");
                return false;
            }
            for (BrowsingEvent event : events) {
                queue.add(new Queued(store, event));
            }
            synchronized (progress) {
                offered += events.size();
            }
        }
        accepted.increment(events.size());
        return true;
    }

    /**
     * Back-pressure while the writer is behind: the request's thread waits until the writer has taken a batch and
     * the queue is below half its capacity again, at most {@link #PACE}; at most {@value #PACED} request threads
     * wait at once (the others go on at once: the server's request threads stay free for everything else, and
     * nothing of the order write path ever waits here). On a machine whose cores the request threads and the
     * writer share, a request that waits leaves its CPU to the writer, which then keeps up where it fell behind
     * (and the queue filled to a 503) when dozens of request threads took their fair share of the cores each.
     */
    private void pace() {
        if (!pacing.tryAcquire()) {
            return;
        }
        try {
            long until = System.nanoTime() + PACE.toNanos();
            synchronized (drained) {
                while (queue.size() > highWater) {
                    long left = until - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(drained, left);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            pacing.release();
        }
    }

    public void rejected(Refusal refusal) {
        rejected.get(refusal).increment();
    }

    public void refused(String cause) {
        refused.computeIfAbsent(
                        cause,
                        c -> Counter.builder("basira.browsing.refused")
                                .tag("cause", c)
                                .register(meters))
                .increment();
    }

    /** Events waiting now. */
    public int queued() {
        return queue.size();
    }

    /**
     * Waits until every event queued before this call is written (or dropped), at most {@code timeout}.
     * @return whether it was
     */
    public boolean flush(Duration timeout) throws InterruptedException {
        long target;
        synchronized (progress) {
            target = offered;
        }
        long until = System.nanoTime() + timeout.toNanos();
        synchronized (progress) {
            while (done < target) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(progress, left);
            }
        }
        return true;
    }

    private void drain() {
        List<Queued> batch = new ArrayList<>(batchSize);
        while (writer == Thread.currentThread() || !queue.isEmpty()) { // on stop, what is queued is written first
            try {
                Queued first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, batchSize - 1);
                synchronized (drained) {
                    drained.notifyAll();
                }
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } finally {
                finished(batch.size());
                batch.clear();
            }
        }
    }

    private void write(List<Queued> batch) throws InterruptedException {
        Map<StoreId, List<BrowsingEvent>> byStore = new LinkedHashMap<>();
        for (Queued queued : batch) {
            byStore.computeIfAbsent(queued.store(), s -> new ArrayList<>()).add(queued.event());
        }
        for (Map.Entry<StoreId, List<BrowsingEvent>> store : byStore.entrySet()) {
            for (int attempt = 1; ; attempt++) {
                try {
                    record.record(store.getKey(), store.getValue());
                    meters.counter("basira.browsing.written")
                            .increment(store.getValue().size());
                    break;
                } catch (RuntimeException e) {
                    if (attempt == ATTEMPTS) {
                        meters.counter("basira.browsing.dropped")
                                .increment(store.getValue().size());
                        log.error(
                                "{} browsing events of store {} could not be written and were dropped ({})",
                                store.getValue().size(),
                                store.getKey().value(),
                                e.getClass().getName());
                        break;
                    }
                    Thread.sleep(1000);
                }
            }
        }
    }

    private void finished(int count) {
        synchronized (progress) {
            done += count;
            progress.notifyAll();
        }
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::drain, "browsing-writer");
        thread.setDaemon(true);
        writer = thread;
        thread.start();
    }

    @Override
    public void stop() {
        Thread thread = writer;
        writer = null;
        if (thread != null) {
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }
}
