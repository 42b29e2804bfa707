package io.basira.server.messaging.jdbc;

import io.basira.campaigns.Channel;
import io.basira.campaigns.MessageRequest;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@code message_log}: one row per idempotency key with the latest outcome. A send first <em>claims</em> the
 * key (inserts it, or moves a waiting, suppressed or failed row to {@code CLAIMED} — one instance wins, the unique
 * key and the conditional update see to it), then sends, then records. A row left {@code CLAIMED} (the process
 * died between the SMTP server's answer and the record) is never sent again: at most once.
 */
public final class JdbcMessageLog {

    /** The log's states. */
    public enum Status {
        CLAIMED,
        SENT,
        DEFERRED,
        SUPPRESSED,
        FAILED
    }

    /** One row, as the API, the timeline and the export show it. */
    public record Entry(
            long id,
            String customerId,
            Channel channel,
            Purpose purpose,
            String campaignId,
            String triggerKey,
            String language,
            Status status,
            String reason,
            Instant retryAt,
            String providerMessageId,
            int attempts,
            Instant requestedAt,
            Instant updatedAt,
            Instant sentAt) {

        /** A key already sent, or being sent (or whose sending was cut off): not to be sent again. */
        public boolean taken() {
            return status == Status.SENT || status == Status.CLAIMED;
        }
    }

    private static final String COLUMNS = "id, customer_external_id, channel, purpose, campaign_id, trigger_key, "
            + "language, status, reason, retry_at, provider_message_id, attempts, requested_at, updated_at, sent_at";

    private final JdbcTemplate jdbc;
    private final boolean postgres;

    /** @param postgres on PostgreSQL a lost race to insert a key is {@code ON CONFLICT DO NOTHING}, not an error that
     *     would abort the caller's transaction */
    public JdbcMessageLog(JdbcTemplate jdbc, boolean postgres) {
        this.jdbc = jdbc;
        this.postgres = postgres;
    }

    public Optional<Entry> find(StoreId store, String key) {
        return jdbc
                .query(
                        "SELECT " + COLUMNS + " FROM message_log WHERE store_id = ? AND idempotency_key = ?",
                        (rs, n) -> entry(rs),
                        store.value(),
                        key)
                .stream()
                .findFirst();
    }

    /** The store's messages to a customer, newest first. */
    public List<Entry> ofCustomer(StoreId store, String customerId, int limit) {
        return jdbc.query(
                "SELECT " + COLUMNS + " FROM message_log WHERE store_id = ? AND customer_external_id = ? "
                        + "ORDER BY requested_at DESC, id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> entry(rs),
                store.value(),
                customerId);
    }

    /** When the last marketing message on the channel went (or began to go) to the customer, or null. */
    public Instant lastMarketing(StoreId store, String customerId, Channel channel) {
        return jdbc.query(
                        "SELECT MAX(sent_at) AS last FROM message_log WHERE store_id = ? AND customer_external_id = ? "
                                + "AND channel = ? AND purpose = 'MARKETING' AND status IN ('SENT', 'CLAIMED')",
                        (rs, n) -> MessagingSql.instant(rs, "last"),
                        store.value(),
                        customerId,
                        channel.name())
                .get(0);
    }

    /**
     * Claims the key to send it now. False when another request holds it (sent, or being sent).
     */
    public boolean claim(MessageRequest request, String language, Instant now) {
        int updated = jdbc.update(
                "UPDATE message_log SET status = 'CLAIMED', reason = NULL, retry_at = NULL, "
                        + "language = ?, attempts = attempts + 1, updated_at = ?, sent_at = ? WHERE store_id = ? "
                        + "AND idempotency_key = ? AND status IN ('DEFERRED', 'SUPPRESSED', 'FAILED')",
                language,
                MessagingSql.at(now),
                MessagingSql.at(now),
                request.store().value(),
                request.idempotencyKey());
        if (updated == 1) {
            return true;
        }
        try {
            return jdbc.update(
                            "INSERT INTO message_log (store_id, customer_external_id, idempotency_key, channel, "
                                    + "purpose, campaign_id, trigger_key, language, status, attempts, requested_at, updated_at, sent_at) "
                                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'CLAIMED', 1, ?, ?, ?)"
                                    + (postgres ? " ON CONFLICT (store_id, idempotency_key) DO NOTHING" : ""),
                            request.store().value(),
                            request.customerId(),
                            request.idempotencyKey(),
                            request.channel().name(),
                            request.purpose().name(),
                            request.campaignId(),
                            request.triggerKey(),
                            language,
                            MessagingSql.at(now),
                            MessagingSql.at(now),
                            MessagingSql.at(now))
                    == 1;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Records what became of a claimed key. */
    public void settle(MessageRequest request, SendOutcome outcome, Instant now) {
        if (outcome instanceof SendOutcome.Sent sent) {
            jdbc.update(
                    "UPDATE message_log SET status = 'SENT', provider_message_id = ?, sent_at = ?, updated_at = ? "
                            + "WHERE store_id = ? AND idempotency_key = ?",
                    truncate(sent.messageId(), 255),
                    MessagingSql.at(sent.at()),
                    MessagingSql.at(now),
                    request.store().value(),
                    request.idempotencyKey());
        } else {
            // nothing went: the key is free again (the failure is recorded, the engine may ask again)
            jdbc.update(
                    "UPDATE message_log SET status = ?, reason = ?, retry_at = ?, sent_at = NULL, updated_at = ? "
                            + "WHERE store_id = ? AND idempotency_key = ?",
                    status(outcome).name(),
                    reason(outcome),
                    MessagingSql.at(retryAt(outcome)),
                    MessagingSql.at(now),
                    request.store().value(),
                    request.idempotencyKey());
        }
    }

    /** Records an outcome decided before any claim (waiting, suppressed, failed to render): a taken key stays taken. */
    public void note(MessageRequest request, String language, SendOutcome outcome, Instant now) {
        int updated = jdbc.update(
                "UPDATE message_log SET status = ?, reason = ?, retry_at = ?, language = ?, "
                        + "updated_at = ? WHERE store_id = ? AND idempotency_key = ? AND status NOT IN ('SENT', 'CLAIMED')",
                status(outcome).name(),
                reason(outcome),
                MessagingSql.at(retryAt(outcome)),
                language,
                MessagingSql.at(now),
                request.store().value(),
                request.idempotencyKey());
        if (updated == 0 && find(request.store(), request.idempotencyKey()).isEmpty()) {
            try {
                jdbc.update(
                        "INSERT INTO message_log (store_id, customer_external_id, idempotency_key, channel, "
                                + "purpose, campaign_id, trigger_key, language, status, reason, retry_at, attempts, "
                                + "requested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)",
                        request.store().value(),
                        request.customerId(),
                        request.idempotencyKey(),
                        request.channel().name(),
                        request.purpose().name(),
                        request.campaignId(),
                        request.triggerKey(),
                        language,
                        status(outcome).name(),
                        reason(outcome),
                        MessagingSql.at(retryAt(outcome)),
                        MessagingSql.at(now),
                        MessagingSql.at(now));
            } catch (DuplicateKeyException raced) {
                // another instance wrote the key first: its row stands
            }
        }
    }

    private static Status status(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Sent) {
            return Status.SENT;
        }
        if (outcome instanceof SendOutcome.Deferred) {
            return Status.DEFERRED;
        }
        return outcome instanceof SendOutcome.Suppressed ? Status.SUPPRESSED : Status.FAILED;
    }

    private static String reason(SendOutcome outcome) {
        if (outcome instanceof SendOutcome.Deferred d) {
            return d.reason().name();
        }
        if (outcome instanceof SendOutcome.Suppressed s) {
            return s.reason().name();
        }
        if (outcome instanceof SendOutcome.Failed f) {
            return truncate((f.retryable() ? "retryable: " : "final: ") + f.reason(), 500);
        }
        return null;
    }

    private static Instant retryAt(SendOutcome outcome) {
        return outcome instanceof SendOutcome.Deferred d ? d.until() : null;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(
                rs.getLong("id"),
                rs.getString("customer_external_id"),
                Channel.valueOf(rs.getString("channel")),
                Purpose.valueOf(rs.getString("purpose")),
                rs.getString("campaign_id"),
                rs.getString("trigger_key"),
                rs.getString("language"),
                Status.valueOf(rs.getString("status")),
                rs.getString("reason"),
                MessagingSql.instant(rs, "retry_at"),
                rs.getString("provider_message_id"),
                rs.getInt("attempts"),
                MessagingSql.instant(rs, "requested_at"),
                MessagingSql.instant(rs, "updated_at"),
                MessagingSql.instant(rs, "sent_at"));
    }
}
