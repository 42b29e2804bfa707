package io.basira.server.sources.jdbc;

import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.sources.Times;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform version time of the newest applied version of each record a webhook wrote (table
 * {@code source_record_versions}). {@link #claim} is one atomic statement that also locks the record's row
 * until the caller's transaction ends, so two deliveries of one record are applied one after the other.
 */
public final class JdbcRecordVersions {

    private final JdbcTemplate jdbc;
    private final String claim;

    public JdbcRecordVersions(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.claim = dialect == SqlDialect.POSTGRESQL
                ? "INSERT INTO source_record_versions (store_id, record_key, version_at, inbox_id) VALUES (?, ?, ?, ?)"
                        + " ON CONFLICT (store_id, record_key) DO UPDATE SET version_at = EXCLUDED.version_at,"
                        + " inbox_id = EXCLUDED.inbox_id WHERE source_record_versions.version_at <= EXCLUDED.version_at"
                : "MERGE INTO source_record_versions t USING (VALUES (CAST(? AS BIGINT), CAST(? AS VARCHAR(200)),"
                        + " CAST(? AS TIMESTAMP WITH TIME ZONE), CAST(? AS BIGINT))) s (store_id, record_key, version_at, inbox_id)"
                        + " ON t.store_id = s.store_id AND t.record_key = s.record_key"
                        + " WHEN MATCHED AND t.version_at <= s.version_at THEN UPDATE SET version_at = s.version_at,"
                        + " inbox_id = s.inbox_id"
                        + " WHEN NOT MATCHED THEN INSERT (store_id, record_key, version_at, inbox_id)"
                        + " VALUES (s.store_id, s.record_key, s.version_at, s.inbox_id)";
    }

    /**
     * Records {@code versionAt} as the record's newest version when no newer one was applied (an equal one
     * may be applied again). @return false when a newer version was applied already (this one is stale)
     */
    public boolean claim(StoreId store, String recordKey, Instant versionAt, long inboxId) {
        return jdbc.update(claim, store.value(), recordKey, Times.column(versionAt), inboxId) == 1;
    }

    /** The newest version applied of the record, if any. */
    public Optional<Instant> newest(StoreId store, String recordKey) {
        return jdbc
                .query(
                        "SELECT version_at FROM source_record_versions WHERE store_id = ? AND record_key = ?",
                        (rs, n) -> Times.instant(rs, "version_at"),
                        store.value(),
                        recordKey)
                .stream()
                .findFirst();
    }
}
