package io.basira.ingest;

import io.basira.shared.StoreId;
import java.util.Collection;

/**
 * Port: the locks that keep every card equal to its records when writes run concurrently, in one
 * process or in several sharing a database.
 *
 * <p>A card is folded from its customer's records inside the transaction that writes them; two
 * transactions that touch the same customer must therefore not overlap, or the later card misses
 * the other's records. Locks are named by keys ({@code "order:O1"}, customer ids) that need not
 * exist as rows yet, and are held until the caller's transaction ends. Every call must run inside
 * a transaction.
 *
 * <p>Deadlock freedom rests on one discipline, kept by {@link IngestRecords}: a transaction first
 * takes its records, then its customers, each call in one ascending order of the adapter's
 * choosing; an import takes the whole store instead.
 */
public interface WriteLocks {

    /** Takes the store exclusively: no other write of the store runs until this transaction ends. */
    void lockStore(StoreId store);

    /** Takes the store shared, then each record ({@code "order:O1"}, {@code "cart:K1"}, {@code "product:P1"} …) exclusively. */
    void lockRecords(StoreId store, Collection<String> recordKeys);

    /** Takes the store shared, then each customer exclusively. */
    void lockCustomers(StoreId store, Collection<String> customerIds);

    /** For single-threaded use (core tests, tools): takes nothing. */
    WriteLocks NONE = new WriteLocks() {
        @Override
        public void lockStore(StoreId store) {}

        @Override
        public void lockRecords(StoreId store, Collection<String> recordKeys) {}

        @Override
        public void lockCustomers(StoreId store, Collection<String> customerIds) {}
    };
}
