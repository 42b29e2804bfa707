package io.basira.server.platform.tenancy;

import io.basira.ingest.WriteLocks;
import io.basira.shared.StoreId;
import java.util.OptionalLong;

/**
 * The server's {@link WriteLocks}, which also carry the <em>tombstone revision</em> (docs/privacy.md,
 * "Tombstones"): a number that moves on whenever an erasure lays a tombstone, read under a store's lock without a
 * round trip of its own, so that "this store has no tombstone" can be remembered exactly across processes.
 *
 * <p>Contract: an erasure calls {@link #advanceTombstoneRevision} while it holds its store exclusively, before it
 * commits. A transaction holding a store's lock (shared or exclusive, through this object) reads through
 * {@link #tombstoneRevision} a value taken after that lock was had; so if a look-up under that lock found no
 * tombstone and a later transaction reads the same value under its lock, no erasure of the store committed in
 * between. The revision is shared by every store of the database (an erasure anywhere moves it on).
 */
public interface StoreWriteLocks extends WriteLocks {

    /**
     * The revision as read when this transaction took the store's lock through this object; empty when it holds
     * no such lock (or outside a transaction).
     */
    OptionalLong tombstoneRevision(StoreId store);

    /** Moves the revision on: in an erasure's transaction, holding its store exclusively. */
    void advanceTombstoneRevision();
}
