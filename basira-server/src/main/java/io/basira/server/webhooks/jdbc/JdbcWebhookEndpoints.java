package io.basira.server.webhooks.jdbc;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.basira.server.webhooks.WebhookEndpoint;
import io.basira.shared.StoreId;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The {@code webhook_endpoints} table (V40). Every statement names the store: one store never sees another's.
 *
 * <p>{@link #enabled} is asked for every committed domain event (the fan-out, on the writer's thread), so it is
 * answered from memory: read at most {@link #TRUSTED_FOR} ago, forgotten at once (and again when the transaction
 * ends) by every change made through this instance. A change made by another instance reaches it within that time.
 */
public final class JdbcWebhookEndpoints {

    /** How long the enabled endpoints of a store are remembered. */
    static final Duration TRUSTED_FOR = Duration.ofSeconds(1);

    static final String COLUMNS =
            "id, store_id, url, description, event_types, enabled, disabled_reason, created_at, " + "updated_at";

    private final JdbcTemplate jdbc;
    private final Cache<StoreId, List<WebhookEndpoint>> enabled = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(TRUSTED_FOR)
            .build();

    public JdbcWebhookEndpoints(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Forgets the store's remembered endpoints now and once the changing transaction ended. */
    private void forget(StoreId store) {
        enabled.invalidate(store);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    enabled.invalidate(store);
                }
            });
        }
    }

    /** The secrets an endpoint is signed with now: the current one, and the previous one until it runs out. */
    public record Secrets(String current, String previous, Instant previousUntil) {
        public List<String> validAt(Instant now) {
            List<String> valid = new ArrayList<>(List.of(current));
            if (previous != null && previousUntil != null && now.isBefore(previousUntil)) {
                valid.add(previous);
            }
            return valid;
        }
    }

    public long insert(
            StoreId store, String url, String description, List<String> eventTypes, String secret, Instant now) {
        forget(store);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                con -> {
                    PreparedStatement ps = con.prepareStatement(
                            "INSERT INTO webhook_endpoints (store_id, url, description, "
                                    + "event_types, secret, enabled, created_at, updated_at) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)",
                            new String[] {"id"});
                    ps.setLong(1, store.value());
                    ps.setString(2, url);
                    ps.setString(3, description);
                    ps.setString(4, String.join(",", eventTypes));
                    ps.setString(5, secret);
                    ps.setObject(6, utc(now));
                    ps.setObject(7, utc(now));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    public List<WebhookEndpoint> list(StoreId store) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE store_id = ? ORDER BY id", ROW, store.value());
    }

    /** The store's enabled endpoints, by id (remembered: see the class). */
    public List<WebhookEndpoint> enabled(StoreId store) {
        return enabled.get(store, this::readEnabled);
    }

    private List<WebhookEndpoint> readEnabled(StoreId store) {
        return List.copyOf(jdbc.query(
                "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE store_id = ? " + "AND enabled = TRUE ORDER BY id",
                ROW,
                store.value()));
    }

    public Optional<WebhookEndpoint> find(StoreId store, long id) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE store_id = ? AND id = ?",
                        ROW,
                        store.value(),
                        id)
                .stream()
                .findFirst();
    }

    public int count(StoreId store) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM webhook_endpoints WHERE store_id = ?", Integer.class, store.value());
    }

    public Optional<Secrets> secrets(long id) {
        return jdbc
                .query(
                        "SELECT secret, previous_secret, previous_secret_until FROM webhook_endpoints WHERE id = ?",
                        (rs, n) -> new Secrets(rs.getString(1), rs.getString(2), instant(rs, "previous_secret_until")),
                        id)
                .stream()
                .findFirst();
    }

    public boolean update(
            StoreId store, long id, String url, String description, List<String> eventTypes, Instant now) {
        forget(store);
        return jdbc.update(
                        "UPDATE webhook_endpoints SET url = ?, description = ?, event_types = ?, updated_at = ? "
                                + "WHERE store_id = ? AND id = ?",
                        url,
                        description,
                        String.join(",", eventTypes),
                        utc(now),
                        store.value(),
                        id)
                == 1;
    }

    /** @param reason null to enable; {@code merchant} or {@code gone} to disable */
    public boolean setEnabled(StoreId store, long id, String reason, Instant now) {
        forget(store);
        return jdbc.update(
                        "UPDATE webhook_endpoints SET enabled = ?, disabled_reason = ?, updated_at = ? "
                                + "WHERE store_id = ? AND id = ?",
                        reason == null,
                        reason,
                        utc(now),
                        store.value(),
                        id)
                == 1;
    }

    public boolean rotate(StoreId store, long id, String secret, Instant previousUntil, Instant now) {
        forget(store);
        return jdbc.update(
                        "UPDATE webhook_endpoints SET previous_secret = secret, previous_secret_until = ?, "
                                + "secret = ?, updated_at = ? WHERE store_id = ? AND id = ?",
                        utc(previousUntil),
                        secret,
                        utc(now),
                        store.value(),
                        id)
                == 1;
    }

    public boolean delete(StoreId store, long id) {
        forget(store);
        return jdbc.update("DELETE FROM webhook_endpoints WHERE store_id = ? AND id = ?", store.value(), id) == 1;
    }

    private static final RowMapper<WebhookEndpoint> ROW = (rs, n) -> new WebhookEndpoint(
            rs.getLong("id"),
            new StoreId(rs.getLong("store_id")),
            rs.getString("url"),
            rs.getString("description"),
            types(rs.getString("event_types")),
            rs.getBoolean("enabled"),
            rs.getString("disabled_reason"),
            instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private static List<String> types(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
