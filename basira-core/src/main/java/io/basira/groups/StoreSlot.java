package io.basira.groups;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One store's place in {@link GroupEngine}: its memory and the three locks that guard it, always taken in
 * this order, never the other way (see {@link GroupEngine}):
 * {@link #rebuilding}, then {@link #writing}, then {@link #lock}.
 */
final class StoreSlot {

    /** One full re-evaluation or change of definitions at a time. */
    final ReentrantLock rebuilding = new ReentrantLock();
    /** One change of memory and its persisted movements at a time. */
    final ReentrantLock writing = new ReentrantLock();
    /** Readers share it; the exclusive side only while the state readers see is changed in place or swapped. */
    final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    /** What readers see; replaced under the exclusive {@link #lock}, changed in place under it too; null: not in memory. */
    volatile StoreGroups state;

    volatile LocalDate evaluatedOn;
    /** Incremental changes applied (under {@link #writing}). */
    long writes;
    /** The customers re-tested since the running full re-evaluation started (under {@link #writing}); null when none runs. */
    Set<String> touched;

    /** Drops the memory (it is rebuilt from the database on next use), under the exclusive lock. */
    void drop() {
        lock.writeLock().lock();
        try {
            state = null;
        } finally {
            lock.writeLock().unlock();
        }
    }
}
