package io.basira.server.sources.jdbc;

import io.basira.server.platform.jdbc.Sql;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.sources.Times;
import io.basira.shared.StoreId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform version time of the newest applied version of each record a webhook wrote (table
 * {@code source_record_versions}). {@link #claim} is one atomic statement that also locks the record's row
 * until the caller's transaction ends, so two deliveries of one record are applied one after the other;
 * {@link #claimAll} is the same for many distinct records in one statement.
 */
public final class JdbcRecordVersions {

    private final JdbcTemplate jdbc;
    private final SqlDialect dialect;
    private final String claim;

    public JdbcRecordVersions(JdbcTemplate jdbc, SqlDialect dialect) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.claim = claimStatement(1);
    }

    /**
     * The claim of {@code rows} distinct records in one statement, each row four parameters (store, record key,
     * version time, inbox id). PostgreSQL: {@code INSERT … ON CONFLICT DO UPDATE … WHERE} the stored version is not
     * newer; H2: the equivalent {@code MERGE … USING (VALUES …)}. A row is inserted or updated exactly when its
     * claim succeeds.
     */
    private String claimStatement(int rows) {
        if (dialect == SqlDialect.POSTGRESQL) {
            return "INSERT INTO source_record_versions (store_id, record_key, version_at, inbox_id) VALUES "
                    + String.join(", ", Collections.nCopies(rows, "(?, ?, ?, ?)"))
                    + " ON CONFLICT (store_id, record_key) DO UPDATE SET version_at = EXCLUDED.version_at,"
                    + " inbox_id = EXCLUDED.inbox_id WHERE source_record_versions.version_at <= EXCLUDED.version_at";
        }
        return "MERGE INTO source_record_versions t USING (VALUES "
                + String.join(
                        ", ",
                        Collections.nCopies(
                                rows,
                                "(CAST(? AS BIGINT), CAST(? AS VARCHAR(200)), CAST(? AS TIMESTAMP WITH TIME ZONE),"
                                        + " CAST(? AS BIGINT))"))
                + ") s (store_id, record_key, version_at, inbox_id)"
                + " ON t.store_id = s.store_id AND t.record_key = s.record_key"
                + " WHEN MATCHED AND t.version_at <= s.version_at THEN UPDATE SET version_at = s.version_at,"
                + " inbox_id = s.inbox_id"
                + " WHEN NOT MATCHED THEN INSERT (store_id, record_key, version_at, inbox_id)"
                + " VALUES (s.store_id, s.record_key, s.version_at, s.inbox_id)";
    }

    /** A version of one record to claim, for the inbox event {@code inboxId}. */
    public record Claim(String recordKey, Instant versionAt, long inboxId) {}

    /** The most claims in one statement. */
    static final int CLAIM_CHUNK = 500;

    /**
     * {@link #claim} for many records of one store in one statement (per {@value #CLAIM_CHUNK}), each claim exactly
     * as {@link #claim} would make it; the records must be distinct (two versions of one record are claimed one
     * after the other, by separate calls, so the second sees the first).
     *
     * @return the record keys whose claim succeeded; a key left out was stale
     */
    public Set<String> claimAll(StoreId store, List<Claim> claims) {
        Set<String> claimed = new HashSet<>();
        for (List<Claim> chunk : Sql.chunks(claims, CLAIM_CHUNK)) {
            List<Object> args = new ArrayList<>(chunk.size() * 4);
            for (Claim claim : chunk) {
                args.addAll(
                        List.of(store.value(), claim.recordKey(), Times.column(claim.versionAt()), claim.inboxId()));
            }
            String statement = claimStatement(chunk.size());
            jdbc.query(
                    dialect == SqlDialect.POSTGRESQL
                            ? statement + " RETURNING record_key"
                            : "SELECT record_key FROM FINAL TABLE (" + statement + ")",
                    rs -> {
                        claimed.add(rs.getString("record_key"));
                    },
                    args.toArray());
        }
        return claimed;
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
