package io.basira.server.privacy;

import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A store's retention per kind of data ({@code privacy_retention}): how many days rows of a kind that declares a
 * {@link CustomerDataKind.Retention} are kept. No setting: kept until erased. Consent records are never a kind
 * with a retention. Every change is audited ({@code setting.retention}).
 */
public final class RetentionSettings {

    private final JdbcTemplate jdbc;
    private final PrivacyRegistry registry;
    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public RetentionSettings(
            JdbcTemplate jdbc, PrivacyRegistry registry, AuditLog audit, TransactionTemplate transaction) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.audit = audit;
        this.transaction = transaction;
    }

    /** The kinds that have a retention, by name. */
    public List<String> kinds() {
        return registry.retained().stream().map(CustomerDataKind::name).toList();
    }

    /** The store's settings, kind to days. */
    public Map<String, Integer> days(StoreId store) {
        Map<String, Integer> days = new LinkedHashMap<>();
        jdbc.query(
                "SELECT kind, days FROM privacy_retention WHERE store_id = ? ORDER BY kind",
                rs -> {
                    days.put(rs.getString("kind"), rs.getInt("days"));
                },
                store.value());
        return days;
    }

    /** @throws IllegalArgumentException naming the kinds that have a retention, or the allowed days */
    public void set(Store store, String kind, int days, AuditLog.Actor actor) {
        if (!kinds().contains(kind)) {
            throw new IllegalArgumentException(
                    "kind '" + kind + "' has no retention; kinds with one: " + String.join(", ", kinds()));
        }
        if (days < 1 || days > 36_500) {
            throw new IllegalArgumentException("days must be between 1 and 36500, not " + days);
        }
        transaction.executeWithoutResult(status -> {
            Integer before = days(store.id()).get(kind);
            int updated = jdbc.update(
                    "UPDATE privacy_retention SET days = ? WHERE store_id = ? AND kind = ?",
                    days,
                    store.id().value(),
                    kind);
            if (updated == 0) {
                jdbc.update(
                        "INSERT INTO privacy_retention (store_id, kind, days) VALUES (?, ?, ?)",
                        store.id().value(),
                        kind,
                        days);
            }
            audit.record(
                    store.id(),
                    actor,
                    "setting.retention",
                    new AuditLog.Subject("setting", kind, kind, null),
                    Changes.between(before == null ? null : Map.of("days", before), Map.of("days", days), k -> k));
        });
    }
}
