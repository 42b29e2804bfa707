package io.basira.server.checkout.jdbc;

import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.Changes;
import io.basira.shared.StoreId;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The audit of checkout changes: who (the API key), when, what (before and after, as JSON). Append-only. */
public final class JdbcCheckoutAudit {

    /** Who made a change: the API key's id and its public prefix. */
    public record Actor(Long keyId, String prefix) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final AuditLog log;

    /** @param log the store's audit log, where every change is also written readably (docs/privacy.md) */
    public JdbcCheckoutAudit(JdbcTemplate jdbc, JsonMapper json, Clock clock, AuditLog log) {
        this.log = log;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The actor presenting {@code key} (already authenticated by the API filter), as the audit log finds it. */
    public Actor actor(String presentedKey) {
        AuditLog.Actor found = log.apiKey(presentedKey);
        return new Actor(found.id() == null ? null : Long.valueOf(found.id()), found.name());
    }

    public void record(
            StoreId store, Actor actor, String action, String subject, String subjectId, Object before, Object after) {
        jdbc.update(
                "INSERT INTO checkout_audit (store_id, at, actor_key_id, actor, action, subject, subject_id, "
                        + "before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.value(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                actor.keyId(),
                actor.prefix(),
                action,
                subject,
                subjectId,
                before == null ? null : json.writeValueAsString(before),
                after == null ? null : json.writeValueAsString(after));
        Map<?, ?> readBefore = before == null ? null : json.convertValue(before, Map.class);
        Map<?, ?> readAfter = after == null ? null : json.convertValue(after, Map.class);
        Map<?, ?> named = readAfter != null ? readAfter : readBefore;
        Object name = named == null ? null : named.get("name") != null ? named.get("name") : named.get("code");
        log.record(
                store,
                actor.prefix().startsWith(DASHBOARD)
                        ? new AuditLog.Actor("user", null, actor.prefix().substring(DASHBOARD.length()))
                        : AuditLog.Actor.apiKey(actor.keyId(), actor.prefix()),
                subject + "." + action,
                new AuditLog.Subject(subject, subjectId, name == null ? null : name.toString(), null),
                Changes.between(readBefore, readAfter, log.groupNames(store)));
    }

    private static final String DASHBOARD = "dashboard:";

    /** The store's changes, newest first, at most {@code limit}. */
    public List<Map<String, Object>> list(StoreId store, int limit) {
        return jdbc.query(
                "SELECT id, at, actor_key_id, actor, action, subject, subject_id, before_json, after_json "
                        + "FROM checkout_audit WHERE store_id = ? ORDER BY id DESC FETCH FIRST " + limit + " ROWS ONLY",
                (rs, n) -> {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("id", rs.getLong("id"));
                    entry.put(
                            "at",
                            rs.getObject("at", OffsetDateTime.class).toInstant().toString());
                    long keyId = rs.getLong("actor_key_id");
                    entry.put("api_key_id", rs.wasNull() ? null : keyId);
                    entry.put("api_key_prefix", rs.getString("actor"));
                    entry.put("action", rs.getString("action"));
                    entry.put("subject", rs.getString("subject"));
                    entry.put("subject_id", rs.getString("subject_id"));
                    entry.put("before", parse(rs.getString("before_json")));
                    entry.put("after", parse(rs.getString("after_json")));
                    return entry;
                },
                store.value());
    }

    private Object parse(String text) {
        return text == null ? null : json.readValue(text, Object.class);
    }
}
