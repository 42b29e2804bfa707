package io.basira.server.platform.tenancy;

import io.basira.ingest.WriteLocks;
import io.basira.shared.StoreId;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@link WriteLocks} as PostgreSQL transaction-level advisory locks, so that every process writing
 * to the database (several servers, a CLI import) takes part. A store is the two-integer key
 * ({@value #STORE_SPACE} mixed with the schema's name, store id), taken shared by writes and exclusively by
 * imports; records and customers are 64-bit hashes of (schema, store, kind, id) in the single-key space, which
 * PostgreSQL keeps apart from the two-integer one. Two ids that share a hash only wait for each other. Advisory
 * locks belong to the whole database: the schema (read once, from the first connection) keeps the stores of two
 * installations sharing one database (or two test runs) from waiting for each other.
 *
 * <p>One round trip per call: the store's shared lock (with the transaction's lock timeout) is taken in the
 * statement that takes the keys, before them, and not again by a later call of the same transaction (the
 * lock is held until it ends).
 *
 * <p>The tombstone revision ({@link StoreWriteLocks}) is the last value of the sequence
 * {@code privacy_tombstone_revision}, read in that same statement after the store's lock is had: a sequence is read
 * as it is now, not as of the statement's snapshot, so a write that waited for an erasure reads the value the
 * erasure took (an MVCC read in that statement would not see the erasure's commit).
 */
public final class PostgresWriteLocks implements StoreWriteLocks {

    /** The revision, read after the store's lock in the same statement; 0 before the first erasure. */
    private static final String REVISION =
            "COALESCE(pg_sequence_last_value('privacy_tombstone_revision'::regclass), 0)";

    /** The first half of a store's two-integer lock key: "BSIR". */
    static final int STORE_SPACE = 0x42534952;

    private final JdbcTemplate jdbc;
    /** A hash of the current schema's name, read on first use; 0 until then. */
    private volatile long schema;

    public PostgresWriteLocks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    private long schema() {
        long known = schema;
        if (known == 0) {
            String name = jdbc.queryForObject("SELECT current_schema()", String.class);
            known = LockKeys.of(new StoreId(1), 's', String.valueOf(name)) | 1L;
            schema = known;
        }
        return known;
    }

    private int space() {
        return STORE_SPACE ^ Long.hashCode(schema());
    }

    /** How long a write waits for its locks before it fails with 503 (a lock_timeout for this transaction). */
    static final String WAIT = "30s";

    @Override
    public void lockStore(StoreId store) {
        long revision = jdbc.query(
                "WITH whole AS MATERIALIZED (SELECT set_config('lock_timeout', '" + WAIT + "', true), "
                        + "pg_advisory_xact_lock(?, ?)) SELECT " + REVISION + " FROM whole",
                FIRST_LONG,
                space(),
                storeKey(store));
        Map<Long, Long> held = held();
        if (held != null) {
            held.put(store.value(), revision);
        }
    }

    @Override
    public void lockRecords(StoreId store, Collection<String> recordKeys) {
        lock(store, LockKeys.sorted(schema(), store, 'r', recordKeys));
    }

    @Override
    public void lockCustomers(StoreId store, Collection<String> customerIds) {
        lock(store, LockKeys.sorted(schema(), store, 'c', customerIds));
    }

    @Override
    public OptionalLong tombstoneRevision(StoreId store) {
        Map<Long, Long> held = TransactionSynchronizationManager.isSynchronizationActive() ? held() : null;
        Long revision = held == null ? null : held.get(store.value());
        return revision == null ? OptionalLong.empty() : OptionalLong.of(revision);
    }

    @Override
    public void advanceTombstoneRevision() {
        jdbc.queryForObject("SELECT nextval('privacy_tombstone_revision')", Long.class);
    }

    private void lock(StoreId store, long[] keys) {
        Map<Long, Long> held = held();
        boolean storeHeld = held != null && held.containsKey(store.value());
        if (keys.length == 0) {
            if (!storeHeld) {
                noteRevision(
                        held,
                        store,
                        jdbc.query(
                                "WITH whole AS MATERIALIZED (SELECT set_config('lock_timeout', '" + WAIT
                                        + "', true), pg_advisory_xact_lock_shared(?, ?)) SELECT " + REVISION
                                        + " FROM whole",
                                FIRST_LONG,
                                space(),
                                storeKey(store)));
            }
            return;
        }
        Long[] boxed = new Long[keys.length];
        for (int i = 0; i < keys.length; i++) {
            boxed[i] = keys[i];
        }
        // the keys arrive sorted and are taken in that order (the subquery keeps it): see WriteLocks. The
        // store's lock, in the materialized CTE, is taken before any key: no key's row leaves the join without it
        String keysInOrder = "(SELECT k FROM unnest(?) WITH ORDINALITY AS u(k, n) ORDER BY n) s";
        if (storeHeld) {
            jdbc.query(
                    "SELECT pg_advisory_xact_lock(k) FROM " + keysInOrder,
                    ps -> ps.setArray(1, ps.getConnection().createArrayOf("bigint", boxed)),
                    rs -> {});
            return;
        }
        noteRevision(
                held,
                store,
                jdbc.query(
                        "WITH whole AS MATERIALIZED (SELECT set_config('lock_timeout', '" + WAIT
                                + "', true), pg_advisory_xact_lock_shared(?, ?)) SELECT pg_advisory_xact_lock(k), "
                                + REVISION
                                + " FROM whole, " + keysInOrder,
                        ps -> {
                            ps.setInt(1, space());
                            ps.setInt(2, storeKey(store));
                            ps.setArray(3, ps.getConnection().createArrayOf("bigint", boxed));
                        },
                        rs -> rs.next() ? rs.getLong(2) : 0L));
    }

    /** The first row's first column, a long. */
    private static final ResultSetExtractor<Long> FIRST_LONG = rs -> rs.next() ? rs.getLong(1) : 0L;

    private static void noteRevision(Map<Long, Long> held, StoreId store, Long revision) {
        if (held != null) {
            held.put(store.value(), revision);
        }
    }

    /**
     * The stores whose lock this transaction took, each with the tombstone revision read then; null outside a
     * transaction synchronization (nothing is noted then).
     */
    private Map<Long, Long> held() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<Long, Long> held = (Map<Long, Long>) TransactionSynchronizationManager.getResource(this);
        if (held == null) {
            Map<Long, Long> taken = new HashMap<>();
            TransactionSynchronizationManager.bindResource(this, taken);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void suspend() {
                    TransactionSynchronizationManager.unbindResource(PostgresWriteLocks.this);
                }

                @Override
                public void resume() {
                    TransactionSynchronizationManager.bindResource(PostgresWriteLocks.this, taken);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(PostgresWriteLocks.this);
                }
            });
            held = taken;
        }
        return held;
    }

    private static int storeKey(StoreId store) {
        return Long.hashCode(store.value());
    }

    /** 64-bit lock keys: FNV-1a over (store, kind, id), sorted and without repeats. */
    static final class LockKeys {

        private LockKeys() {}

        static long[] sorted(long schema, StoreId store, char kind, Collection<String> ids) {
            return ids.stream()
                    .mapToLong(id -> of(store, kind, id) ^ schema)
                    .sorted()
                    .distinct()
                    .toArray();
        }

        static long of(StoreId store, char kind, String id) {
            long hash = 0xcbf29ce484222325L;
            hash = mix(hash, store.value());
            hash = (hash ^ kind) * 0x100000001b3L;
            for (byte b : id.getBytes(StandardCharsets.UTF_8)) {
                hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
            }
            return hash;
        }

        private static long mix(long hash, long value) {
            for (int i = 0; i < 8; i++) {
                hash = (hash ^ ((value >>> (8 * i)) & 0xff)) * 0x100000001b3L;
            }
            return hash;
        }
    }
}
