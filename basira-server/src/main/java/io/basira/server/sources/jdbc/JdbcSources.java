package io.basira.server.sources.jdbc;

import io.basira.server.platform.security.SecretBox;
import io.basira.server.sources.NewSecrets;
import io.basira.server.sources.Platform;
import io.basira.server.sources.Source;
import io.basira.server.sources.SourceSecrets;
import io.basira.server.sources.Times;
import io.basira.shared.StoreId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The stores' platform sources (table {@code sources}). Secrets are sealed by the {@link SecretBox} before
 * they reach the database and opened only to check deliveries; nothing here logs them.
 *
 * <p>A delivery's source is read through a cache per platform and source id ({@link #forDelivery}): a source
 * and its opened secrets are kept in memory for at most {@link #FRESH_NANOS} after they were read, and forgotten
 * at once when this instance rotates or removes it. So a rotation or removal through another server instance
 * on the same database takes effect here within about a second — the cost is one read per source per second
 * instead of one per delivery (the read and the AES open were a sixth of the webhook thread's time).
 */
public final class JdbcSources {

    /** A source just registered or rotated: the one moment its secret is returned. */
    public record WithSecret(Source source, String secret) {
        @Override
        public String toString() {
            return "WithSecret[" + source + ", secret redacted]";
        }
    }

    /** A source found by id for a delivery, with its secrets. */
    public record Found(Source source, SourceSecrets secrets) {}

    private static final String COLUMNS = "store_id, id, platform, label, created_at, rotated_at, previous_valid_until";

    /** How long a source read for deliveries is trusted before it is read again (1 s). */
    static final long FRESH_NANOS = 1_000_000_000L;

    private final JdbcTemplate jdbc;
    private final SecretBox box;
    private final Clock clock;

    /** Sources read for deliveries, by platform code and id, with the {@link System#nanoTime} they were read. */
    private final ConcurrentHashMap<String, Cached> forDelivery = new ConcurrentHashMap<>();

    private record Cached(Found found, long readAt) {}

    public JdbcSources(JdbcTemplate jdbc, SecretBox box, Clock clock) {
        this.jdbc = jdbc;
        this.box = box;
        this.clock = clock;
    }

    /**
     * Registers a source. @param secret the platform's secret, or null to have one made where the platform
     * allows (Zid, Standard Webhooks) @throws IllegalArgumentException for a missing or malformed secret
     */
    public WithSecret create(StoreId store, Platform platform, String label, String secret) {
        String chosen = NewSecrets.of(platform, secret);
        String id = NewSecrets.sourceId();
        Instant now = clock.instant();
        jdbc.update(
                "INSERT INTO sources (store_id, id, platform, label, secret_sealed, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                store.value(),
                id,
                platform.code(),
                label,
                box.seal(chosen),
                Times.column(now));
        return new WithSecret(new Source(id, store, platform, label, now, null, null), chosen);
    }

    public List<Source> list(StoreId store) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM sources WHERE store_id = ? ORDER BY created_at, id",
                (rs, n) -> map(rs),
                store.value());
    }

    public Optional<Source> find(StoreId store, String id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM sources WHERE store_id = ? AND id = ?",
                        (rs, n) -> map(rs),
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    /**
     * The source a delivery names, with its secrets; empty when there is none of that platform. Read at most
     * once a second per source (see the class comment); a source that does not exist is not remembered.
     */
    public Optional<Found> forDelivery(Platform platform, String id) {
        String key = platform.code() + '/' + id;
        Cached cached = forDelivery.get(key);
        long now = System.nanoTime();
        if (cached != null && now - cached.readAt() < FRESH_NANOS) {
            return Optional.of(cached.found());
        }
        Optional<Found> found = read(platform, id);
        if (found.isPresent()) {
            if (forDelivery.size() >= CACHED_SOURCES) {
                forDelivery.clear(); // bounded: every source is read again within a second anyway
            }
            forDelivery.put(key, new Cached(found.get(), now));
        } else {
            forDelivery.remove(key);
        }
        return found;
    }

    /** The most sources kept for deliveries (a server holds far fewer). */
    static final int CACHED_SOURCES = 10_000;

    /**
     * Forgets the cached source {@code id}: its next delivery reads it again. Inside a transaction, once more
     * after it commits (a delivery before the commit reads, and may cache, the row as it was).
     */
    private void forget(String id) {
        forDelivery.keySet().removeIf(key -> key.endsWith('/' + id));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forDelivery.keySet().removeIf(key -> key.endsWith('/' + id));
                }
            });
        }
    }

    private Optional<Found> read(Platform platform, String id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS
                                + ", secret_sealed, previous_secret_sealed FROM sources WHERE id = ? AND platform = ?",
                        (rs, n) -> {
                            String previous = rs.getString("previous_secret_sealed");
                            Source source = map(rs);
                            return new Found(
                                    source,
                                    new SourceSecrets(
                                            box.open(rs.getString("secret_sealed")),
                                            previous == null ? null : box.open(previous),
                                            source.previousValidUntil()));
                        },
                        id,
                        platform.code())
                .stream()
                .findFirst();
    }

    /**
     * Replaces the secret; the one it replaces stays valid for {@code window} (a platform may sign with it a
     * while longer). @return empty when the store has no such source
     */
    public Optional<WithSecret> rotate(StoreId store, String id, String secret, Duration window) {
        Optional<Source> source = find(store, id);
        if (source.isEmpty()) {
            return Optional.empty();
        }
        String chosen = NewSecrets.of(source.get().platform(), secret);
        Instant now = clock.instant();
        forget(id);
        jdbc.update(
                "UPDATE sources SET previous_secret_sealed = secret_sealed, secret_sealed = ?, rotated_at = ?,"
                        + " previous_valid_until = ? WHERE store_id = ? AND id = ?",
                box.seal(chosen),
                Times.column(now),
                Times.column(now.plus(window)),
                store.value(),
                id);
        return find(store, id).map(rotated -> new WithSecret(rotated, chosen));
    }

    /** Removes the source: its URL answers 404 from now on; what it delivered stays. @return whether it existed */
    public boolean remove(StoreId store, String id) {
        boolean removed = jdbc.update("DELETE FROM sources WHERE store_id = ? AND id = ?", store.value(), id) == 1;
        forget(id);
        return removed;
    }

    private static Source map(ResultSet rs) throws SQLException {
        return new Source(
                rs.getString("id"),
                new StoreId(rs.getLong("store_id")),
                Platform.fromCode(rs.getString("platform")),
                rs.getString("label"),
                Times.instant(rs, "created_at"),
                Times.instant(rs, "rotated_at"),
                Times.instant(rs, "previous_valid_until"));
    }
}
