package io.basira.server.privacy;

import io.basira.commerce.Cart;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.ErasedCustomers;
import io.basira.ingest.ErasedScreen;
import io.basira.server.platform.tenancy.StoreWriteLocks;
import io.basira.shared.StoreId;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tombstones of erased customers (docs/privacy.md, "Tombstones"): per store, HMAC-SHA256 of the customer's
 * id (the platform's id) keyed with a key derived from {@code basira.secrets.key} (so the table alone does not
 * say whom it names), and the pseudonym that holds their de-identified orders.
 *
 * <p>As the core's {@link ErasedCustomers} port it is asked by {@code IngestRecords} about every batch's
 * customers once the write's locks are held (the API's writes, the platforms' webhooks); the CSV import screens
 * its rows with {@link #screenAll} under the store's lock. A tombstoned customer's own records (the customer,
 * carts, reviews, wishlist) are dropped, and their orders go to the pseudonym ({@link ErasedScreen}), so a webhook
 * re-sending an old order updates the de-identified order and never brings the person back. Dropping is counted
 * and logged (without the id), not an error.
 */
public final class Tombstones implements ErasedCustomers {

    private static final Logger log = LoggerFactory.getLogger(Tombstones.class);

    private static final int CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;
    private final StoreWriteLocks locks;
    /**
     * Stores found to have no tombstone, each with the tombstone revision under which it was found: a write that
     * reads the same revision under its store's lock skips the look-up (no erasure committed in between, in any
     * process sharing the database).
     */
    private final Map<StoreId, Long> noneAsOf = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param key the hashing key (32 bytes; {@code SecretBox.derivedKey("privacy-tombstones")})
     * @param locks the writes' locks, which read the tombstone revision under a store's lock
     */
    public Tombstones(JdbcTemplate jdbc, byte[] key, StoreWriteLocks locks) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
        this.locks = locks;
    }

    /** The keyed hash of a store's customer id, 64 hex digits. */
    String hash(StoreId store, String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of()
                    .formatHex(mac.doFinal((store.value() + ":" + customerId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The pseudonym of an erased customer of the store, if this id was erased. */
    public Optional<String> pseudonymOf(StoreId store, String customerId) {
        return Optional.ofNullable(lookUp(store, List.of(customerId)).get(customerId));
    }

    /**
     * Lays the tombstone of an erased customer (in the erasure's transaction, holding the store exclusively); an
     * existing one is kept. The tombstone revision moves on first, so that every process looks again.
     */
    void lay(StoreId store, String customerId, String pseudonym, Instant at) {
        locks.advanceTombstoneRevision();
        noneAsOf.remove(store);
        String hash = hash(store, customerId);
        Integer found = jdbc.queryForObject(
                "SELECT COUNT(*) FROM privacy_tombstones WHERE store_id = ? AND key_hash = ?",
                Integer.class,
                store.value(),
                hash);
        if (found == 0) {
            jdbc.update(
                    "INSERT INTO privacy_tombstones (store_id, key_hash, pseudonym, erased_at) VALUES (?, ?, ?, ?)",
                    store.value(),
                    hash,
                    pseudonym,
                    OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /**
     * The pseudonyms of the erased ones among {@code customerIds}, by customer id; no look-up while the store is
     * known to have no tombstone. Called by writes under their locks (an erasure holds the store).
     */
    @Override
    public Map<String, String> pseudonyms(StoreId store, Collection<String> customerIds) {
        if (customerIds.isEmpty() || !any(store)) {
            return Map.of();
        }
        Map<String, String> found = lookUp(store, customerIds);
        if (!found.isEmpty()) {
            log.info(
                    "store {}: records of {} erased customers were dropped (their orders kept de-identified)",
                    store.value(),
                    found.size());
        }
        return found;
    }

    private Map<String, String> lookUp(StoreId store, Collection<String> customerIds) {
        Map<String, String> byHash = new HashMap<>();
        customerIds.forEach(id -> byHash.put(hash(store, id), id));
        Map<String, String> found = new HashMap<>();
        List<String> hashes = List.copyOf(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(store.value()));
            args.addAll(chunk);
            jdbc.query(
                    "SELECT key_hash, pseudonym FROM privacy_tombstones WHERE store_id = ? AND key_hash IN ("
                            + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")",
                    rs -> {
                        found.put(byHash.get(rs.getString("key_hash").strip()), rs.getString("pseudonym"));
                    },
                    args.toArray());
        }
        return found;
    }

    /**
     * Whether the store has any tombstone (a store without one is not screened record by record). "None" is
     * remembered with the tombstone revision read under the store's lock ({@link StoreWriteLocks}): while a write
     * reads that same revision under its lock, no erasure committed since, in this process or another sharing the
     * database, and the look-up is skipped (a write adds no round trip). Without a store's lock nothing is
     * remembered.
     */
    private boolean any(StoreId store) {
        OptionalLong revision = locks.tombstoneRevision(store);
        if (revision.isPresent() && Long.valueOf(revision.getAsLong()).equals(noneAsOf.get(store))) {
            return false;
        }
        boolean any = !jdbc.queryForList(
                        "SELECT key_hash FROM privacy_tombstones WHERE store_id = ? FETCH FIRST 1 ROWS " + "ONLY",
                        String.class,
                        store.value())
                .isEmpty();
        if (any || revision.isEmpty()) {
            noneAsOf.remove(store);
        } else {
            noneAsOf.put(store, revision.getAsLong());
        }
        return any;
    }

    /** A screen for these customers of a store (their look-up made now): what to drop and where orders go. */
    public Screen screen(StoreId store, Collection<String> customerIds) {
        Map<String, String> found = customerIds.isEmpty() || !any(store) ? Map.of() : lookUp(store, customerIds);
        return new Screen(found.isEmpty(), found::get);
    }

    /**
     * A screen for any record of the store (an import, which streams more records than one look-up should
     * name): the store's tombstones are read once, each record's customer hashed as it passes.
     */
    public Screen screenAll(StoreId store) {
        Map<String, String> byHash = new HashMap<>();
        jdbc.query(
                "SELECT key_hash, pseudonym FROM privacy_tombstones WHERE store_id = ?",
                rs -> {
                    byHash.put(rs.getString("key_hash").strip(), rs.getString("pseudonym"));
                },
                store.value());
        return new Screen(byHash.isEmpty(), id -> byHash.get(hash(store, id)));
    }

    /** The tombstoned customers among some records, by id, with their pseudonyms. Not thread-safe. */
    public static final class Screen {

        private final boolean empty;
        private final ErasedScreen screen;

        Screen(boolean empty, java.util.function.Function<String, String> pseudonyms) {
            this.empty = empty;
            this.screen = new ErasedScreen(empty ? id -> null : pseudonyms);
        }

        /** Whether it lets every record through (no tombstone concerns them). */
        public boolean isEmpty() {
            return empty;
        }

        public boolean keeps(Customer customer) {
            return empty || screen.keepsRecordOf(customer.externalId());
        }

        public boolean keeps(Cart cart) {
            return empty || screen.keepsRecordOf(cart.customerExternalId());
        }

        public boolean keeps(Review review) {
            return empty || screen.keepsRecordOf(review.customerExternalId());
        }

        public boolean keeps(WishlistItem item) {
            return empty || screen.keepsRecordOf(item.customerExternalId());
        }

        /** The order, moved to the pseudonym when its customer is tombstoned. */
        public Order order(Order order) {
            return empty ? order : screen.order(order);
        }

        /** How many records were dropped. */
        public int dropped() {
            return screen.dropped();
        }

        public void logDropped(StoreId store) {
            if (screen.dropped() > 0) {
                log.info(
                        "store {}: {} records of erased customers were dropped (their orders kept de-identified)",
                        store.value(),
                        screen.dropped());
            }
        }
    }
}
