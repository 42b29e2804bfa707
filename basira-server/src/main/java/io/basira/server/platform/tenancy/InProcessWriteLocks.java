package io.basira.server.platform.tenancy;

import io.basira.ingest.WriteLocks;
import io.basira.shared.StoreId;
import java.time.Duration;
import java.util.Collection;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link WriteLocks} held in this process, for the embedded H2 database, which only one process
 * opens. A store is a read-write lock (writes share it, an import takes it whole); records and
 * customers are striped locks, one array each, so a record stripe and a customer stripe are never
 * the same lock. Stripes are taken in ascending index order. Every lock is released when the
 * current Spring transaction completes; a lock not had within {@link #WAIT} fails the write with
 * {@link CannotAcquireLockException} rather than waiting forever.
 *
 * <p>The tombstone revision ({@link StoreWriteLocks}) is a counter of this process, which alone opens the
 * database: read while the current thread holds the store's lock, moved on by an erasure holding it exclusively.
 */
public final class InProcessWriteLocks implements StoreWriteLocks {

    static final Duration WAIT = Duration.ofSeconds(30);
    private static final int STRIPES = 1024;

    private final ConcurrentHashMap<Long, ReentrantReadWriteLock> stores = new ConcurrentHashMap<>();
    private final Lock[] records = stripes();
    private final Lock[] customers = stripes();
    private final AtomicLong tombstoneRevision = new AtomicLong();

    @Override
    public void lockStore(StoreId store) {
        hold(storeLock(store).writeLock());
    }

    @Override
    public void lockRecords(StoreId store, Collection<String> recordKeys) {
        lock(store, records, 'r', recordKeys);
    }

    @Override
    public void lockCustomers(StoreId store, Collection<String> customerIds) {
        lock(store, customers, 'c', customerIds);
    }

    private void lock(StoreId store, Lock[] stripes, char kind, Collection<String> ids) {
        ReentrantReadWriteLock whole = storeLock(store);
        if (!whole.isWriteLockedByCurrentThread()) {
            hold(whole.readLock());
        }
        ids.stream()
                .mapToInt(id -> Math.floorMod(PostgresWriteLocks.LockKeys.of(store, kind, id), STRIPES))
                .sorted()
                .distinct()
                .forEach(index -> hold(stripes[index]));
    }

    @Override
    public OptionalLong tombstoneRevision(StoreId store) {
        ReentrantReadWriteLock whole = stores.get(store.value());
        boolean held = whole != null && (whole.isWriteLockedByCurrentThread() || whole.getReadHoldCount() > 0);
        return held ? OptionalLong.of(tombstoneRevision.get()) : OptionalLong.empty();
    }

    @Override
    public void advanceTombstoneRevision() {
        tombstoneRevision.incrementAndGet();
    }

    private ReentrantReadWriteLock storeLock(StoreId store) {
        return stores.computeIfAbsent(store.value(), any -> new ReentrantReadWriteLock());
    }

    private static void hold(Lock lock) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("write locks are held until a transaction ends: start one first");
        }
        try {
            if (!lock.tryLock(WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new CannotAcquireLockException(
                        "another write of these customers took longer than " + WAIT.toSeconds() + " s; try again");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CannotAcquireLockException("interrupted while waiting for a write lock", e);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                lock.unlock();
            }
        });
    }

    private static Lock[] stripes() {
        Lock[] locks = new Lock[STRIPES];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        return locks;
    }
}
