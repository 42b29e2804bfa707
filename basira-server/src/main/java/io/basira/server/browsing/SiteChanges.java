package io.basira.server.browsing;

import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.privacy.AuditLog;
import io.basira.server.privacy.SettingsChanges;
import io.basira.shared.StoreId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a merchant changes about the tracking site, from the API ({@code PUT /api/v1/browsing/site}) and the
 * dashboard's tracking page alike: the settings saved and {@code setting.browsing_site} recorded in the audit log,
 * field by field, in one transaction (docs/privacy.md, "Audit log").
 */
public final class SiteChanges {

    private final JdbcBrowsingSites sites;
    private final SettingsChanges audit;

    public SiteChanges(JdbcBrowsingSites sites, SettingsChanges audit) {
        this.sites = sites;
        this.audit = audit;
    }

    /** Replaces the site's settings (the key stays). */
    public BrowsingSite update(
            StoreId store,
            AuditLog.Actor actor,
            List<String> origins,
            boolean consentRequired,
            boolean honourDnt,
            int retentionMonths) {
        return audit.together(() -> {
            BrowsingSite before = sites.of(store);
            BrowsingSite after = sites.update(store, origins, consentRequired, honourDnt, retentionMonths);
            audit.changed(store, actor, "browsing_site", fields(before), fields(after));
            return after;
        });
    }

    /** The actor presenting this API key. */
    public AuditLog.Actor apiKey(String presentedKey) {
        return audit.apiKey(presentedKey);
    }

    private static Map<String, Object> fields(BrowsingSite site) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("allowed_origins", site.allowedOrigins());
        fields.put("consent_required", site.consentRequired() ? "yes" : "no");
        fields.put("honour_dnt", site.honourDnt() ? "yes" : "no");
        fields.put("retention_months", site.retentionMonths());
        return fields;
    }
}
