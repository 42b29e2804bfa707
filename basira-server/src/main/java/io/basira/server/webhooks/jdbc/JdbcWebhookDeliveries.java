package io.basira.server.webhooks.jdbc;

import static io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints.instant;
import static io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints.utc;

import io.basira.server.webhooks.WebhookEndpoint;
import io.basira.server.webhooks.WebhookMessage;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code webhook_deliveries} and {@code webhook_attempts} tables (V40): the queue of messages per endpoint and
 * the log of their attempts.
 *
 * <p>A delivery is {@code pending} until it is {@code delivered} (a 2xx), {@code failed} (the last attempt failed, or
 * the endpoint answered 410) or {@code cancelled} (its endpoint was disabled). {@link #enqueue} writes a message for an
 * endpoint once (the unique key of endpoint and message id; PostgreSQL's {@code ON CONFLICT DO NOTHING}, on H2 an
 * insert of what is not there). {@link #claimDue} takes due rows in one transaction — on PostgreSQL with
 * {@code FOR UPDATE SKIP LOCKED}, so instances sharing the database take different rows — counting the attempt and
 * putting the row off by a lease, so a process that dies while sending leaves it due again after the lease.
 */
public final class JdbcWebhookDeliveries {

    public static final String PENDING = "pending";
    public static final String DELIVERED = "delivered";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final boolean postgres;

    public JdbcWebhookDeliveries(JdbcTemplate jdbc, TransactionTemplate transaction, boolean postgres) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.postgres = postgres;
    }

    /** Writes the message for the endpoint, due at {@code now}, unless it is there already. @return whether written */
    public boolean enqueue(WebhookEndpoint endpoint, WebhookMessage message, String payload, Instant now) {
        Object[] values = {
            endpoint.id(), endpoint.store().value(), message.id(), message.type(), payload, utc(now), PENDING, utc(now)
        };
        String columns = "endpoint_id, store_id, message_id, event_type, payload, created_at, status, attempts, "
                + "next_attempt_at";
        if (postgres) {
            return jdbc.update(
                            "INSERT INTO webhook_deliveries (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?) "
                                    + "ON CONFLICT (endpoint_id, message_id) DO NOTHING",
                            values)
                    == 1;
        }
        Object[] guarded = new Object[values.length + 2];
        System.arraycopy(values, 0, guarded, 0, values.length);
        guarded[values.length] = endpoint.id();
        guarded[values.length + 1] = message.id();
        return jdbc.update(
                        "INSERT INTO webhook_deliveries (" + columns + ") SELECT ?, ?, ?, ?, ?, ?, ?, 0, ? "
                                + "WHERE NOT EXISTS (SELECT 1 FROM webhook_deliveries WHERE endpoint_id = ? AND message_id = ?)",
                        guarded)
                == 1;
    }

    /** A delivery taken for one attempt: what to send where. */
    public record Claimed(
            long id,
            long endpointId,
            long storeId,
            String url,
            String messageId,
            String eventType,
            String payload,
            int attempt) {}

    /**
     * Takes up to {@code limit} pending deliveries due at {@code now} whose endpoint is enabled, oldest due first:
     * each has its attempt counted and is put off until {@code leaseUntil}.
     */
    public List<Claimed> claimDue(Instant now, Instant leaseUntil, int limit) {
        return transaction.execute(status -> {
            List<Long> ids = jdbc.queryForList(
                    "SELECT d.id FROM webhook_deliveries d WHERE d.status = '" + PENDING
                            + "' AND d.next_attempt_at <= ? AND EXISTS (SELECT 1 FROM webhook_endpoints e WHERE "
                            + "e.id = d.endpoint_id AND e.enabled = TRUE) ORDER BY d.next_attempt_at, d.id LIMIT "
                            + limit
                            + (postgres ? " FOR UPDATE SKIP LOCKED" : " FOR UPDATE"),
                    Long.class,
                    utc(now));
            if (ids.isEmpty()) {
                return List.of();
            }
            String in = ids.stream().map(String::valueOf).collect(Collectors.joining(", "));
            jdbc.update(
                    "UPDATE webhook_deliveries SET attempts = attempts + 1, next_attempt_at = ? WHERE id IN (" + in
                            + ")",
                    utc(leaseUntil));
            return jdbc.query(
                    "SELECT d.id, d.endpoint_id, d.store_id, e.url, d.message_id, d.event_type, d.payload, "
                            + "d.attempts FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id WHERE d.id IN ("
                            + in + ") ORDER BY d.next_attempt_at, d.id",
                    (rs, n) -> new Claimed(
                            rs.getLong(1),
                            rs.getLong(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getString(7),
                            rs.getInt(8)));
        });
    }

    /** What one attempt came to. @param statusCode null: no HTTP answer */
    public record Attempt(Instant at, Integer statusCode, long durationMs, String error) {}

    /**
     * Records an attempt of a claimed delivery and its new state: {@code status} with the next attempt
     * ({@code pending}) or none. Ignored when the claim is no longer this one's (the lease ran out and another took it).
     */
    public void record(Claimed claimed, Attempt attempt, String status, Instant nextAttempt) {
        transaction.executeWithoutResult(tx -> {
            int updated = jdbc.update(
                    "UPDATE webhook_deliveries SET status = ?, next_attempt_at = ? WHERE id = ? AND "
                            + "attempts = ? AND status = '" + PENDING + "'",
                    status,
                    utc(nextAttempt),
                    claimed.id(),
                    claimed.attempt());
            if (updated == 1) {
                jdbc.update(
                        "INSERT INTO webhook_attempts (delivery_id, attempt, attempted_at, status_code, duration_ms, "
                                + "error) VALUES (?, ?, ?, ?, ?, ?)",
                        claimed.id(),
                        claimed.attempt(),
                        utc(attempt.at()),
                        attempt.statusCode(),
                        attempt.durationMs(),
                        attempt.error());
            }
        });
    }

    /** Cancels the endpoint's pending deliveries (it was disabled). @return how many */
    public int cancelPending(long endpointId) {
        return jdbc.update(
                "UPDATE webhook_deliveries SET status = '" + CANCELLED + "', next_attempt_at = NULL WHERE "
                        + "endpoint_id = ? AND status = '" + PENDING + "'",
                endpointId);
    }

    /** Deletes finished deliveries (not pending) created before {@code before}. @return how many */
    public int forgetFinished(Instant before) {
        return jdbc.update(
                "DELETE FROM webhook_deliveries WHERE status <> '" + PENDING + "' AND created_at < ?", utc(before));
    }

    /** Deliveries not finished, every store: how many, and when the oldest was created (null: none). */
    public record Backlog(long count, Instant oldest) {}

    public Backlog backlog() {
        return jdbc.queryForObject(
                "SELECT COUNT(*) AS n, MIN(created_at) AS oldest FROM webhook_deliveries WHERE status = '" + PENDING
                        + "'",
                (rs, n) -> new Backlog(rs.getLong("n"), instant(rs, "oldest")));
    }

    /** One attempt in the log. */
    public record LoggedAttempt(int attempt, Instant at, Integer statusCode, long durationMs, String error) {}

    /** A delivery in an endpoint's log, newest first. */
    public record Logged(
            long id,
            String messageId,
            String eventType,
            Instant createdAt,
            String status,
            int attempts,
            Instant nextAttemptAt,
            List<LoggedAttempt> attemptLog) {}

    /** The endpoint's newest deliveries (at most {@code limit}) with their attempts; the endpoint must be the store's. */
    public List<Logged> log(StoreId store, long endpointId, int limit) {
        List<Logged> deliveries = jdbc.query(
                "SELECT id, message_id, event_type, created_at, status, attempts, "
                        + "next_attempt_at FROM webhook_deliveries WHERE store_id = ? AND endpoint_id = ? ORDER BY id DESC LIMIT "
                        + limit,
                (rs, n) -> new Logged(
                        rs.getLong("id"),
                        rs.getString("message_id"),
                        rs.getString("event_type"),
                        instant(rs, "created_at"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        instant(rs, "next_attempt_at"),
                        new ArrayList<>()),
                store.value(),
                endpointId);
        if (deliveries.isEmpty()) {
            return deliveries;
        }
        Map<Long, Logged> byId = new LinkedHashMap<>();
        deliveries.forEach(d -> byId.put(d.id(), d));
        String in = byId.keySet().stream().map(String::valueOf).collect(Collectors.joining(", "));
        jdbc.query(
                "SELECT delivery_id, attempt, attempted_at, status_code, duration_ms, error FROM webhook_attempts "
                        + "WHERE delivery_id IN (" + in + ") ORDER BY delivery_id, attempt",
                rs -> {
                    int code = rs.getInt("status_code");
                    Integer status = rs.wasNull() ? null : code;
                    byId.get(rs.getLong("delivery_id"))
                            .attemptLog()
                            .add(new LoggedAttempt(
                                    rs.getInt("attempt"),
                                    instant(rs, "attempted_at"),
                                    status,
                                    rs.getLong("duration_ms"),
                                    rs.getString("error")));
                });
        return deliveries.stream()
                .map(d -> new Logged(
                        d.id(),
                        d.messageId(),
                        d.eventType(),
                        d.createdAt(),
                        d.status(),
                        d.attempts(),
                        d.nextAttemptAt(),
                        List.copyOf(d.attemptLog())))
                .toList();
    }
}
