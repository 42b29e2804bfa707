package io.basira.server.sources;

import io.basira.events.DomainEvents;
import io.basira.events.UseCase;
import io.basira.events.WebhookReceived;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Use case: a verified delivery goes into the store's inbox, durably, before it is acknowledged. The inbox
 * row and the {@link WebhookReceived} event naming it commit together (the outbox), so every stored event is applied
 * after the commit at least once — on this thread right away, or by the outbox's retries and its catch-up
 * after a restart — and {@link InboxApplication} makes that exactly once per event key. A delivery whose
 * event key the store already holds is a redelivery: acknowledged, not stored again.
 *
 * <p>Group commit: concurrent deliveries are written by a writer thread, as many in one transaction as
 * arrived while the previous one committed (at most {@link #GROUP}), and each caller returns once the
 * transaction holding its row committed — one disk flush for many deliveries instead of one each. On
 * PostgreSQL several writers take turns at the queue, so the next group is written while one waits for its
 * flush; two groups holding the same event key are kept apart by the unique key (the second finds it held,
 * after the first committed), and each group inserts its rows in the order of their keys, so two groups
 * never wait for each other in a cycle. A group
 * whose transaction fails is written again one delivery at a time, so one bad delivery fails only itself.
 */
@UseCase
public final class ReceiveWebhook {

    /** What the inbox did with a delivery. @param inboxId the stored row; empty for a redelivery */
    public record Receipt(OptionalLong inboxId) {
        public boolean duplicate() {
            return inboxId.isEmpty();
        }
    }

    /** The most deliveries written in one transaction. */
    static final int GROUP = 256;

    private final JdbcInbox inbox;
    private final DomainEvents events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();

    /** A delivery waiting for the writer, and its caller's answer. */
    private record Pending(
            Source source, String eventKey, String topic, String body, CompletableFuture<Receipt> done) {}

    /** The writer threads, started by the first delivery (a command-line run never has one). */
    private final AtomicReference<List<Thread>> writers = new AtomicReference<>();

    private final int writerCount;
    private volatile boolean closed;

    /**
     * @param writers how many writer threads take groups from the queue, each group in a transaction of its own
     *     (at least 1): on PostgreSQL several transactions commit at once (their WAL flushes are shared), so a group
     *     is written while the previous one waits for its flush; on H2, whose commits are serial, one is enough
     */
    public ReceiveWebhook(
            JdbcInbox inbox, DomainEvents events, TransactionTemplate transaction, Clock clock, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("the inbox needs at least one writer, got " + writers);
        }
        this.inbox = inbox;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.writerCount = writers;
    }

    /** Stores the event (committed when this returns) unless the store holds its key already. */
    public Receipt receive(Source source, String eventKey, String topic, String body) {
        if (closed) {
            throw new IllegalStateException("the server is stopping: the delivery was not stored");
        }
        startWriter();
        Pending pending = new Pending(source, eventKey, topic, body, new CompletableFuture<>());
        queue.add(pending);
        if (closed) { // closed meanwhile: its writer may be gone, so nobody else answers this one
            failWaiting();
        }
        try {
            return pending.done().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the delivery was stored", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    private void startWriter() {
        if (writers.get() == null) {
            List<Thread> threads = new ArrayList<>(writerCount);
            for (int i = 0; i < writerCount; i++) {
                Thread thread = new Thread(this::write, "basira-inbox-writer-" + (i + 1));
                thread.setDaemon(true);
                threads.add(thread);
            }
            if (writers.compareAndSet(null, List.copyOf(threads))) {
                threads.forEach(Thread::start);
            }
        }
    }

    /**
     * Stops the writer threads when the application context closes (Spring calls it); a delivery still waiting
     * fails (its sender gets no 2xx and sends it again), none is acknowledged unstored.
     */
    public void close() {
        closed = true;
        List<Thread> threads = writers.get();
        if (threads != null) {
            threads.forEach(Thread::interrupt);
            try {
                for (Thread thread : threads) {
                    thread.join(5_000);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        failWaiting();
    }

    private void failWaiting() {
        for (Pending pending; (pending = queue.poll()) != null; ) {
            pending.done()
                    .completeExceptionally(
                            new IllegalStateException("the server is stopping: the delivery was not stored"));
        }
    }

    /** A writer thread: a group of what is waiting, in one transaction; then each caller is answered. */
    private void write() {
        List<Pending> group = new ArrayList<>(GROUP);
        while (true) {
            try {
                group.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(group, GROUP - 1);
            try {
                List<Receipt> receipts = transaction.execute(status -> storeAll(group));
                for (int i = 0; i < group.size(); i++) {
                    group.get(i).done().complete(receipts.get(i));
                }
            } catch (RuntimeException | Error groupFailed) {
                for (Pending pending : group) { // each alone: only a delivery that fails by itself fails
                    try {
                        pending.done().complete(transaction.execute(status -> store(pending)));
                    } catch (RuntimeException | Error e) {
                        pending.done().completeExceptionally(e);
                    }
                }
            }
            group.clear();
        }
    }

    /**
     * The group's rows in one statement ({@link JdbcInbox#insertAll}), and one {@link WebhookReceived} per store
     * naming every row of that store this group stored (one outbox event and delivery row per group commit, not
     * per webhook: they are written in the same transaction, so the listener still learns of every stored row).
     */
    private List<Receipt> storeAll(List<Pending> group) {
        List<JdbcInbox.NewEvent> rows = new ArrayList<>(group.size());
        for (Pending pending : group) {
            Source source = pending.source();
            rows.add(new JdbcInbox.NewEvent(
                    source.store(),
                    source.id(),
                    source.platform(),
                    pending.eventKey(),
                    pending.topic(),
                    pending.body()));
        }
        List<OptionalLong> ids = inbox.insertAll(rows, clock.instant());
        List<Receipt> receipts = new ArrayList<>(group.size());
        Map<StoreId, List<Long>> storedByStore = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            OptionalLong id = ids.get(i);
            StoreId store = group.get(i).source().store();
            id.ifPresent(stored -> storedByStore
                    .computeIfAbsent(store, any -> new ArrayList<>())
                    .add(stored));
            receipts.add(new Receipt(id));
        }
        storedByStore.forEach((store, stored) -> events.publish(
                new WebhookReceived(store, stored.stream().sorted().toList())));
        return receipts;
    }

    private Receipt store(Pending pending) {
        Source source = pending.source();
        OptionalLong id = inbox.insert(
                source.store(),
                source.id(),
                source.platform(),
                pending.eventKey(),
                pending.topic(),
                pending.body(),
                clock.instant());
        id.ifPresent(stored -> events.publish(new WebhookReceived(source.store(), stored)));
        return new Receipt(id);
    }

    /** Sends a parked event back to be applied again (after a fix). @return whether the store had it parked */
    public boolean replay(StoreId store, long inboxId) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            if (!inbox.unpark(store, inboxId)) {
                return false;
            }
            events.publish(new WebhookReceived(store, inboxId));
            return true;
        }));
    }
}
