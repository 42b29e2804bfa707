package io.basira.server.privacy;

import io.basira.commerce.Cart;
import io.basira.commerce.Customer;
import io.basira.commerce.Order;
import io.basira.commerce.Review;
import io.basira.commerce.WishlistItem;
import io.basira.ingest.RecordBatch;
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
 * <p>{@link #screen} is what every way in applies to a batch before writing it (the API's writes, the platforms'
 * webhooks, the CSV import): a tombstoned customer's own records (the customer, carts, reviews, wishlist) are
 * dropped, and their orders go to the pseudonym, so a webhook re-sending an old order updates the de-identified
 * order and never brings the person back. Dropping is counted and logged (without the id), not an error.
 */
public final class Tombstones {

    private static final Logger log = LoggerFactory.getLogger(Tombstones.class);

    private static final int CHUNK = 500;

    /** How long "this store has no tombstone" is believed without asking again: another instance's erasure within it. */
    static final long NONE_TRUSTED_NANOS = 60_000_000_000L;

    private final JdbcTemplate jdbc;
    private final SecretKeySpec key;
    /** Stores found to have no tombstone, with when (System.nanoTime): writes then skip the look-up. */
    private final Map<StoreId, Long> noneSince = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param key the hashing key (32 bytes; {@code SecretBox.derivedKey("privacy-tombstones")}) */
    public Tombstones(JdbcTemplate jdbc, byte[] key) {
        this.jdbc = jdbc;
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The keyed hash of a store's customer id, 64 hex digits. */
    String hash(StoreId store, String customerId) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((store.value() + ":" + customerId).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    /** The pseudonym of an erased customer of the store, if this id was erased. */
    public Optional<String> pseudonymOf(StoreId store, String customerId) {
        return Optional.ofNullable(pseudonyms(store, List.of(customerId)).get(customerId));
    }

    /** Lays the tombstone of an erased customer (in the erasure's transaction); an existing one is kept. */
    void lay(StoreId store, String customerId, String pseudonym, Instant at) {
        noneSince.remove(store);
        if (org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            noneSince.remove(store); // a look-up during the erasure may have remembered "none"
                        }
                    });
        }
        String hash = hash(store, customerId);
        Integer found = jdbc.queryForObject("SELECT COUNT(*) FROM privacy_tombstones WHERE store_id = ? AND key_hash = ?",
                Integer.class, store.value(), hash);
        if (found == 0) {
            jdbc.update("INSERT INTO privacy_tombstones (store_id, key_hash, pseudonym, erased_at) VALUES (?, ?, ?, ?)",
                    store.value(), hash, pseudonym, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        }
    }

    /** The pseudonyms of the erased ones among {@code customerIds}, by customer id. */
    Map<String, String> pseudonyms(StoreId store, Collection<String> customerIds) {
        Map<String, String> byHash = new HashMap<>();
        customerIds.forEach(id -> byHash.put(hash(store, id), id));
        Map<String, String> found = new HashMap<>();
        List<String> hashes = List.copyOf(byHash.keySet());
        for (int from = 0; from < hashes.size(); from += CHUNK) {
            List<String> chunk = hashes.subList(from, Math.min(hashes.size(), from + CHUNK));
            List<Object> args = new ArrayList<>(List.of(store.value()));
            args.addAll(chunk);
            jdbc.query("SELECT key_hash, pseudonym FROM privacy_tombstones WHERE store_id = ? AND key_hash IN ("
                    + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                        found.put(byHash.get(rs.getString("key_hash").strip()), rs.getString("pseudonym"));
                    }, args.toArray());
        }
        return found;
    }

    /**
     * Whether the store has any tombstone (a store without one is not screened record by record). "None" is
     * remembered for {@link #NONE_TRUSTED_NANOS}, so a write adds no round trip; an erasure in this process forgets
     * it at once, one in another instance (PostgreSQL) is seen within that minute.
     */
    private boolean any(StoreId store) {
        Long since = noneSince.get(store);
        if (since != null && System.nanoTime() - since < NONE_TRUSTED_NANOS) {
            return false;
        }
        boolean any = !jdbc.queryForList("SELECT key_hash FROM privacy_tombstones WHERE store_id = ? FETCH FIRST 1 ROWS "
                + "ONLY", String.class, store.value()).isEmpty();
        if (any) {
            noneSince.remove(store);
        } else {
            noneSince.put(store, System.nanoTime());
        }
        return any;
    }

    /** A screen for these customers of a store: what to drop and where orders go. */
    public Screen screen(StoreId store, Collection<String> customerIds) {
        Map<String, String> found = customerIds.isEmpty() || !any(store) ? Map.of() : pseudonyms(store, customerIds);
        return new Screen(found.isEmpty(), found::get);
    }

    /**
     * A screen for any record of the store (an import, which streams more records than one look-up should
     * name): the store's tombstones are read once, each record's customer hashed as it passes.
     */
    public Screen screenAll(StoreId store) {
        Map<String, String> byHash = new HashMap<>();
        jdbc.query("SELECT key_hash, pseudonym FROM privacy_tombstones WHERE store_id = ?",
                rs -> {
                    byHash.put(rs.getString("key_hash").strip(), rs.getString("pseudonym"));
                }, store.value());
        return new Screen(byHash.isEmpty(), id -> byHash.get(hash(store, id)));
    }

    /**
     * The batch without the records of tombstoned customers, their orders moved to the pseudonyms; the same batch
     * when it names none.
     */
    public RecordBatch screen(StoreId store, RecordBatch batch) {
        return screened(store, batch).batch();
    }

    /** A screened batch, and whether it named an erased customer (whose records were dropped or moved). */
    public record Screened(RecordBatch batch, boolean namedErased) {}

    /** As {@link #screen(StoreId, RecordBatch)}, telling whether the batch named an erased customer. */
    public Screened screened(StoreId store, RecordBatch batch) {
        Screen screen = screen(store, batch.affectedCustomers());
        if (screen.isEmpty()) {
            return new Screened(batch, false);
        }
        RecordBatch kept = new RecordBatch();
        batch.products().forEach(kept::add);
        batch.customers().stream().filter(screen::keeps).forEach(kept::add);
        batch.orders().stream().map(screen::order).forEach(kept::add);
        batch.orderLines().forEach(kept::add);
        batch.carts().stream().filter(screen::keeps).forEach(kept::add);
        batch.reviews().stream().filter(screen::keeps).forEach(kept::add);
        batch.wishlistItems().stream().filter(screen::keeps).forEach(kept::add);
        screen.logDropped(store);
        return new Screened(kept, true);
    }

    /** The tombstoned customers among some records, by id, with their pseudonyms. Not thread-safe. */
    public static final class Screen {

        private final boolean empty;
        private final java.util.function.Function<String, String> pseudonyms;
        /** Each customer id looked up so far: its pseudonym, or "" when it is not tombstoned (hashed once each). */
        private final Map<String, String> seen = new HashMap<>();
        private int dropped;

        Screen(boolean empty, java.util.function.Function<String, String> pseudonyms) {
            this.empty = empty;
            this.pseudonyms = pseudonyms;
        }

        /** Whether it lets every record through (no tombstone concerns them). */
        public boolean isEmpty() {
            return empty;
        }

        private String pseudonymOf(String customerId) {
            if (empty || customerId == null) {
                return null;
            }
            String pseudonym = seen.computeIfAbsent(customerId, id -> {
                String found = pseudonyms.apply(id);
                return found == null ? "" : found;
            });
            return pseudonym.isEmpty() ? null : pseudonym;
        }

        private boolean erased(String customerId) {
            return pseudonymOf(customerId) != null;
        }

        public boolean keeps(Customer customer) {
            return count(!erased(customer.externalId()));
        }

        public boolean keeps(Cart cart) {
            return count(!erased(cart.customerExternalId()));
        }

        public boolean keeps(Review review) {
            return count(!erased(review.customerExternalId()));
        }

        public boolean keeps(WishlistItem item) {
            return count(!erased(item.customerExternalId()));
        }

        /** The order, moved to the pseudonym when its customer is tombstoned. */
        public Order order(Order order) {
            String pseudonym = pseudonymOf(order.customerExternalId());
            return pseudonym == null ? order : new Order(order.externalId(), pseudonym, order.createdAt(), order.status(),
                    order.total(), order.discountTotal(), order.couponCode(), order.paymentMethod(), order.shippingMethod());
        }

        /** How many records were dropped. */
        public int dropped() {
            return dropped;
        }

        public void logDropped(StoreId store) {
            if (dropped > 0) {
                log.info("store {}: {} records of erased customers were dropped (their orders kept de-identified)",
                        store.value(), dropped);
            }
        }

        private boolean count(boolean keeps) {
            if (!keeps) {
                dropped++;
            }
            return keeps;
        }
    }
}
