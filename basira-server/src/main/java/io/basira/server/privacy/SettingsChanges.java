package io.basira.server.privacy;

import io.basira.shared.StoreId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit entries of a store's settings (docs/privacy.md, "Audit log"): {@code setting.<name>} with the setting
 * field by field before and after, for the message channels ({@code setting.messages}), the browsing site
 * ({@code setting.browsing_site}) and the saved import mapping ({@code setting.import_mapping}); the retention has
 * its own ({@code setting.retention}, {@link RetentionSettings}). Secrets and addresses are masked exactly as
 * {@link ConnectionChanges} masks them: a secret reads {@value ConnectionChanges#MASKED} (a newly typed one
 * {@value ConnectionChanges#NEW_SECRET}), an address loses its user information and query.
 *
 * <p>A setting and its entry commit together ({@link #together}); a save that changes nothing writes no entry.
 */
public final class SettingsChanges {

    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public SettingsChanges(AuditLog audit, TransactionTemplate transaction) {
        this.audit = audit;
        this.transaction = transaction;
    }

    /** Runs a change and its entry in one transaction (joining the caller's when there is one). */
    public <T> T together(Supplier<T> changeAndEntry) {
        return transaction.execute(status -> changeAndEntry.get());
    }

    /**
     * Records {@code setting.<setting>} when a field differs.
     *
     * @param before the setting's fields as the merchant sees them before (null: it had none), secrets passed
     *     through {@link #secret} and addresses through {@link #address}
     * @param after the same after the change
     */
    public void changed(
            StoreId store, AuditLog.Actor actor, String setting, Map<String, ?> before, Map<String, ?> after) {
        List<Changes.Change> changes = Changes.between(before, after, key -> key);
        if (!changes.isEmpty()) {
            audit.record(
                    store, actor, "setting." + setting, new AuditLog.Subject("setting", setting, null, null), changes);
        }
    }

    /**
     * How a secret reads in the entry: null when there is none, {@value ConnectionChanges#MASKED} when it is the one
     * kept, {@value ConnectionChanges#NEW_SECRET} when it differs from {@code before} (a stored secret is compared
     * sealed: a retyped secret is new).
     *
     * @param before the secret as stored before (sealed), null when there was none
     * @param current the secret as stored now (sealed), null when there is none
     */
    public static String secret(String before, String current) {
        if (current == null) {
            return null;
        }
        return Objects.equals(before, current) ? ConnectionChanges.MASKED : ConnectionChanges.NEW_SECRET;
    }

    /** A secret as it reads before a change: masked when set. */
    public static String secretBefore(String stored) {
        return stored == null ? null : ConnectionChanges.MASKED;
    }

    /** An address without its user information and query ({@link ConnectionChanges#maskedUrl}). */
    public static String address(String url) {
        return url == null || url.isBlank() ? null : ConnectionChanges.maskedUrl(url);
    }

    /** The actor presenting this API key (a request of the API). */
    public AuditLog.Actor apiKey(String presentedKey) {
        return audit.apiKey(presentedKey);
    }
}
