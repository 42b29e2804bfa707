package io.basira.server.messaging;

import io.basira.server.privacy.CustomerDataKind;
import io.basira.shared.Store;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The retention of the kind {@code messages} (docs/privacy.md, "Retention"): message log rows last changed before the
 * cut-off go; a row being sent ({@code CLAIMED}) stays. Consent and contact preferences are kept whatever the
 * setting. A pruned row no longer guards its idempotency key: the campaign engine's enrolments (unique per campaign,
 * customer and trigger) still keep the trigger from being asked again. Cards do not change.
 */
final class MessageLogRetention implements CustomerDataKind.Retention {

    private final JdbcTemplate jdbc;

    MessageLogRetention(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int prune(Store store, Instant before, Set<String> touched) {
        return jdbc.update(
                "DELETE FROM message_log WHERE store_id = ? AND updated_at < ? AND status <> 'CLAIMED'",
                store.id().value(),
                OffsetDateTime.ofInstant(before, ZoneOffset.UTC));
    }
}
