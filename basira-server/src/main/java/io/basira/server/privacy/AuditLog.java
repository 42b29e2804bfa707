package io.basira.server.privacy;

import io.basira.shared.StoreId;
import io.basira.tenant.ApiKeySecret;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log (docs/privacy.md, "Audit log"): who viewed a customer's card, exported or erased
 * a customer, changed a group, a policy, a coupon, a setting; with the subject's name at the time and the
 * change field by field ({@link Changes}). Searchable by customer and by actor. Nothing updates or deletes an
 * entry except an erasure, which replaces the erased person's id by the pseudonym and their values by
 * {@value PayloadKind#ERASED}.
 */
public final class AuditLog {

    /** The schema's size of the stored changes (V70). */
    static final int MAX_CHANGES = 20_000;

    /** Who did it: a dashboard user, an API key, the command line, a platform (its privacy webhooks), the system. */
    public record Actor(String kind, String id, String name) {

        public static Actor user(long id, String email) {
            return new Actor("user", Long.toString(id), email);
        }

        public static Actor apiKey(Long id, String prefix) {
            return new Actor("api_key", id == null ? null : id.toString(), prefix);
        }

        public static Actor cli() {
            return new Actor("cli", null, "command line");
        }

        public static Actor platform(String code) {
            return new Actor("platform", null, code);
        }

        public static Actor system(String what) {
            return new Actor("system", null, what);
        }

        /** How it reads in a list: the e-mail, the key's prefix, ... */
        public String label() {
            return name;
        }
    }

    /** What was done to what. */
    public record Subject(String kind, String id, String name, String customerId) {

        public static Subject customer(String customerId, String name) {
            return new Subject("customer", customerId, name, customerId);
        }
    }

    /** One entry as read back. */
    public record Entry(
            long id, Instant at, Actor actor, String action, Subject subject, List<Changes.Change> changes) {}

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    public AuditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** The actor presenting this API key (already authenticated by the API's filter); unknown keys read as such. */
    public Actor apiKey(String presentedKey) {
        if (presentedKey == null) {
            return Actor.apiKey(null, "unknown");
        }
        List<Actor> found = jdbc.query(
                "SELECT id, prefix FROM api_keys WHERE key_hash = ?",
                (rs, n) -> Actor.apiKey(rs.getLong("id"), rs.getString("prefix")),
                ApiKeySecret.hashOf(presentedKey));
        return found.isEmpty() ? Actor.apiKey(null, "unknown") : found.get(0);
    }

    /** The store's group names by key, to write group keys as names ({@link Changes#between}); a key with none is itself. */
    public java.util.function.Function<String, String> groupNames(StoreId store) {
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.query(
                "SELECT group_key, name FROM groups WHERE store_id = ?",
                rs -> {
                    names.put(rs.getString("group_key"), rs.getString("name"));
                },
                store.value());
        return key -> names.getOrDefault(key, key);
    }

    /** Appends an entry, in the caller's transaction when there is one. */
    public void record(StoreId store, Actor actor, String action, Subject subject, List<Changes.Change> changes) {
        jdbc.update(
                "INSERT INTO audit_log (store_id, at, actor_kind, actor_id, actor_name, action, subject_kind, "
                        + "subject_id, subject_name, customer_external_id, changes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                store.value(),
                OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC),
                actor.kind(),
                actor.id(),
                cut(actor.name(), 320),
                action,
                subject.kind(),
                cut(subject.id(), 128),
                cut(subject.name(), 400),
                subject.customerId(),
                changes.isEmpty() ? null : storable(changes));
    }

    /**
     * The store's entries, newest first, at most {@code limit}: about {@code customerId} when given, by actors whose
     * name contains {@code actor} (ignoring case) when given.
     */
    public List<Entry> search(StoreId store, String customerId, String actor, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_log WHERE store_id = ?");
        List<Object> args = new ArrayList<>(List.of(store.value()));
        if (customerId != null && !customerId.isBlank()) {
            sql.append(" AND customer_external_id = ?");
            args.add(customerId.strip());
        }
        if (actor != null && !actor.isBlank()) {
            sql.append(" AND ").append(Rows.containsAny("actor_name", List.of(actor.strip()), args));
        }
        sql.append(" ORDER BY id DESC FETCH FIRST ").append(limit).append(" ROWS ONLY");
        return jdbc.query(
                sql.toString(),
                (rs, n) -> new Entry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        new Actor(rs.getString("actor_kind"), rs.getString("actor_id"), rs.getString("actor_name")),
                        rs.getString("action"),
                        new Subject(
                                rs.getString("subject_kind"),
                                rs.getString("subject_id"),
                                rs.getString("subject_name"),
                                rs.getString("customer_external_id")),
                        changes(rs.getString("changes"))),
                args.toArray());
    }

    /** The changes as JSON within the column's size: changes that do not fit are summed up in a last one. */
    private String storable(List<Changes.Change> changes) {
        List<Changes.Change> kept = new ArrayList<>();
        for (int i = 0; i < changes.size(); i++) {
            Changes.Change change = changes.get(i);
            kept.add(new Changes.Change(
                    cut(change.field(), 200), cut(change.before(), 2000), cut(change.after(), 2000)));
            if (json.writeValueAsString(kept).length() > MAX_CHANGES - 200) {
                kept.remove(kept.size() - 1);
                kept.add(new Changes.Change("…", null, "+" + (changes.size() - i)));
                break;
            }
        }
        return json.writeValueAsString(kept);
    }

    private List<Changes.Change> changes(String stored) {
        if (stored == null) {
            return List.of();
        }
        List<Map<String, String>> rows = json.readValue(stored, new TypeReference<List<Map<String, String>>>() {});
        return rows.stream()
                .map(r -> new Changes.Change(r.get("field"), r.get("before"), r.get("after")))
                .toList();
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
