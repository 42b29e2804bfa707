package io.basira.server.checkout.jdbc;

import io.basira.checkout.Catalogue;
import io.basira.checkout.CheckoutPolicies;
import io.basira.checkout.Policy;
import io.basira.server.checkout.api.CheckoutJson;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * A store's catalogue and policies in the database, cached per store.
 *
 * <p>Every change moves the store's {@code checkout_settings.revision} in the same transaction. A
 * checkout reads that one number and uses its cache while it matches, so a change made through any
 * server is seen by every server on its next checkout, and a checkout costs one indexed lookup
 * instead of reading and parsing every policy.
 */
public final class JdbcCheckoutPolicies implements CheckoutPolicies {

    /**
     * The schema's size (V4) of a stored policy or coupon definition, a catalogue and an audit
     * entry, in characters; {@code CheckoutJson} refuses what would not fit.
     */
    public static final int MAX_STORED_LENGTH = 20000;

    /** A policy row: its JSON as stored. */
    public record Row(long id, Map<String, Object> definition) {}

    private record Cached(long revision, StorePolicies policies, long checkedAt) {}

    /**
     * How long the store's policies are used without asking the database for its revision: the longest a
     * change made through another instance takes to reach this one's decisions. A change through this
     * instance is seen by the next decision after its commit. So a decision reads nothing from the
     * database (a coupon code aside).
     */
    public static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final Map<StoreId, Cached> cache = new ConcurrentHashMap<>();

    public JdbcCheckoutPolicies(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public StorePolicies of(StoreId store) {
        Cached known = cache.get(store);
        if (known != null && System.nanoTime() - known.checkedAt() < TRUSTED_FOR.toNanos()) {
            return known.policies();
        }
        long checkedAt = System.nanoTime();
        List<Long> revisions = jdbc.queryForList(
                "SELECT revision FROM checkout_settings WHERE store_id = ?", Long.class, store.value());
        long revision = revisions.isEmpty() ? 0 : revisions.get(0);
        Cached cached = cache.get(store);
        if (cached != null && cached.revision() == revision) {
            cache.replace(store, cached, new Cached(revision, cached.policies(), checkedAt));
            return cached.policies();
        }
        StorePolicies loaded = load(store);
        cache.put(store, new Cached(revision, loaded, checkedAt));
        return loaded;
    }

    /** The store's policies as stored now, past the decisions' cache (for checks that must see the latest change). */
    public StorePolicies fresh(StoreId store) {
        return load(store);
    }

    private StorePolicies load(StoreId store) {
        Currency currency = Currency.getInstance(
                jdbc.queryForObject("SELECT currency FROM stores WHERE id = ?", String.class, store.value())
                        .strip());
        List<Policy> policies = new ArrayList<>();
        for (Row row : rows(store)) {
            policies.add(CheckoutJson.policy(Long.toString(row.id()), row.definition(), currency));
        }
        return new StorePolicies(catalogue(store), policies);
    }

    public Catalogue catalogue(StoreId store) {
        List<String> stored = jdbc.queryForList(
                "SELECT catalogue FROM checkout_settings WHERE store_id = ?", String.class, store.value());
        return stored.isEmpty() || stored.get(0) == null
                ? Catalogue.standard()
                : CheckoutJson.catalogue(read(stored.get(0)));
    }

    public void saveCatalogue(StoreId store, Catalogue catalogue) {
        bumpRevision(store);
        jdbc.update(
                "UPDATE checkout_settings SET catalogue = ? WHERE store_id = ?",
                json.writeValueAsString(CheckoutJson.json(catalogue)),
                store.value());
    }

    List<Row> rows(StoreId store) {
        return jdbc.query(
                "SELECT id, definition FROM checkout_policies WHERE store_id = ? ORDER BY id",
                (rs, n) -> row(rs),
                store.value());
    }

    public Optional<Row> row(StoreId store, long id) {
        return jdbc
                .query(
                        "SELECT id, definition FROM checkout_policies WHERE store_id = ? AND id = ?",
                        (rs, n) -> row(rs),
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    public long create(Store store, Policy policy) {
        bumpRevision(store.id());
        OffsetDateTime now = now();
        String definition = write(policy);
        org.springframework.jdbc.support.GeneratedKeyHolder keys =
                new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO checkout_policies (store_id, definition, created_at, updated_at)"
                                    + " VALUES (?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, store.id().value());
                    ps.setString(2, definition);
                    ps.setObject(3, now);
                    ps.setObject(4, now);
                    return ps;
                },
                keys);
        long id = keys.getKey().longValue();
        return id;
    }

    public boolean update(StoreId store, long id, Policy policy) {
        bumpRevision(store);
        return jdbc.update(
                        "UPDATE checkout_policies SET definition = ?, updated_at = ? WHERE store_id = ? AND id = ?",
                        write(policy),
                        now(),
                        store.value(),
                        id)
                == 1;
    }

    public boolean delete(StoreId store, long id) {
        bumpRevision(store);
        return jdbc.update("DELETE FROM checkout_policies WHERE store_id = ? AND id = ?", store.value(), id) == 1;
    }

    private String write(Policy policy) {
        Map<String, Object> definition = CheckoutJson.json(policy);
        definition.remove("id");
        return json.writeValueAsString(definition);
    }

    /** Moves the store's revision (creating its settings row on first change); runs in the caller's transaction. */
    private void bumpRevision(StoreId store) {
        forgetWhenCommitted(store);
        if (jdbc.update("UPDATE checkout_settings SET revision = revision + 1 WHERE store_id = ?", store.value())
                == 1) {
            return;
        }
        try {
            jdbc.update("INSERT INTO checkout_settings (store_id, revision) VALUES (?, 1)", store.value());
        } catch (DuplicateKeyException raced) {
            jdbc.update("UPDATE checkout_settings SET revision = revision + 1 WHERE store_id = ?", store.value());
        }
    }

    /** Drops the store's cached policies now and again once the changing transaction ended (a decision in between may cache the old ones). */
    private void forgetWhenCommitted(StoreId store) {
        cache.remove(store);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.remove(store);
                }
            });
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong("id"), read(rs.getString("definition")));
    }

    Map<String, Object> read(String text) {
        return CheckoutJson.stored(json, text);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
