package io.basira.server.platform.tenancy;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.server.platform.jdbc.Sql;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import io.basira.tenant.ApiKeySecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * API keys, stored only as SHA-256 hashes.
 *
 * <p>The store of a presented key is kept for at most {@link #REMEMBERED} (by the key's hash; only keys
 * that were found), so a stream of calls costs one query a second per key instead of one per call. A
 * revocation through this instance takes effect at once; through another instance or the command line,
 * within that second.
 */
public final class JdbcApiKeys {

    /** How long a key's store is remembered: the longest a revocation elsewhere takes to be seen here. */
    public static final Duration REMEMBERED = Duration.ofSeconds(1);

    /** A key as listed: never the secret. */
    public record ApiKeyInfo(long id, String prefix, String label, Instant createdAt, Instant revokedAt) {}

    /** A key just created: the only moment its secret is known. */
    public record CreatedKey(ApiKeyInfo info, ApiKeySecret secret) {}

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Cache<String, Store> stores = Caffeine.newBuilder()
            .expireAfterWrite(REMEMBERED)
            .maximumSize(10_000)
            .build();

    public JdbcApiKeys(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public CreatedKey create(StoreId store, String label) {
        ApiKeySecret secret = ApiKeySecret.generate(random);
        Instant now = clock.instant();
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    var ps = con.prepareStatement(
                            "INSERT INTO api_keys (store_id, prefix, key_hash, label, created_at) VALUES (?, ?, ?, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, store.value());
                    ps.setString(2, secret.prefix());
                    ps.setString(3, secret.hash());
                    ps.setString(4, label);
                    Sql.setInstant(ps, 5, now);
                    return ps;
                },
                keys);
        long id = keys.getKey().longValue();
        return new CreatedKey(new ApiKeyInfo(id, secret.prefix(), label, now, null), secret);
    }

    /** The store of a presented key, when the key exists and is not revoked (remembered for {@link #REMEMBERED}). */
    public Optional<Store> storeOf(String presentedKey) {
        String hash = ApiKeySecret.hashOf(presentedKey);
        Store known = stores.getIfPresent(hash);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<Store> found = jdbc
                .query(
                        "SELECT s.id, s.slug, s.name, s.currency, s.time_zone FROM api_keys k "
                                + "JOIN stores s ON s.id = k.store_id WHERE k.key_hash = ? AND k.revoked_at IS NULL",
                        JdbcStores::map,
                        hash)
                .stream()
                .findFirst();
        found.ifPresent(store -> stores.put(hash, store));
        return found;
    }

    public List<ApiKeyInfo> list(StoreId store) {
        return jdbc.query(
                "SELECT id, prefix, label, created_at, revoked_at FROM api_keys WHERE store_id = ? ORDER BY id",
                (rs, row) -> new ApiKeyInfo(
                        rs.getLong("id"),
                        rs.getString("prefix"),
                        rs.getString("label"),
                        Sql.instant(rs, "created_at"),
                        Sql.instant(rs, "revoked_at")),
                store.value());
    }

    /** Revokes a key of this store. @return false when the store has no such active key */
    public boolean revoke(StoreId store, long keyId) {
        stores.invalidateAll(); // before and after: a call in between may have remembered the key again
        boolean revoked = jdbc.update(
                        "UPDATE api_keys SET revoked_at = ? WHERE id = ? AND store_id = ? AND revoked_at IS NULL",
                        java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC),
                        keyId,
                        store.value())
                == 1;
        stores.invalidateAll();
        return revoked;
    }
}
