package io.basira.server.privacy;

import io.basira.shared.StoreId;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit entries of a store's connections (docs/privacy.md, "Audit log"): API keys ({@code api_key.create},
 * {@code api_key.revoke}), sources — the platforms' incoming webhook connections — ({@code source.create},
 * {@code source.rotate_secret}, {@code source.remove}) and webhook endpoints ({@code webhook_endpoint.create},
 * {@code .update}, {@code .disable}, {@code .enable}, {@code .rotate_secret}, {@code .delete}) and dashboard users
 * ({@code dashboard_user.create}): who, what, and each field before and after. A secret is never written: it reads {@value #MASKED} (a new one
 * {@value #NEW_SECRET}); an address keeps its scheme, host, port and path, its user information and query are
 * masked (they may hold tokens).
 *
 * <p>A change and its entry commit together: the callers run both inside {@link #together}, so an entry that
 * cannot be written rolls the change back, and a change that fails leaves no entry.
 */
public final class ConnectionChanges {

    public static final String MASKED = "••••••";
    public static final String NEW_SECRET = "•••••• (new)";

    private final AuditLog audit;
    private final TransactionTemplate transaction;

    public ConnectionChanges(AuditLog audit, TransactionTemplate transaction) {
        this.audit = audit;
        this.transaction = transaction;
    }

    /**
     * Runs a change and its audit entry in one transaction (joining the caller's when there is one): either both
     * are kept or neither.
     */
    public <T> T together(Supplier<T> changeAndEntry) {
        return transaction.execute(status -> changeAndEntry.get());
    }

    /** An API key made: its label and its prefix (the first characters, shown in lists; never the key). */
    public void apiKeyCreated(StoreId store, AuditLog.Actor actor, long id, String label, String prefix) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("label", label);
        after.put("prefix", prefix);
        after.put("secret", NEW_SECRET);
        audit.record(
                store,
                actor,
                "api_key.create",
                subject("api_key", Long.toString(id), label, prefix),
                Changes.between(null, after, key -> key));
    }

    public void apiKeyRevoked(StoreId store, AuditLog.Actor actor, long id, String label, String prefix) {
        audit.record(
                store,
                actor,
                "api_key.revoke",
                subject("api_key", Long.toString(id), label, prefix),
                List.of(new Changes.Change("state", "active", "revoked")));
    }

    /** A dashboard user given access: the address and the role; the generated password masked. */
    public void dashboardUserAdded(StoreId store, AuditLog.Actor actor, long id, String email, String role) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("email", email);
        after.put("role", role);
        after.put("password", NEW_SECRET);
        audit.record(
                store,
                actor,
                "dashboard_user.create",
                subject("dashboard_user", Long.toString(id), email, null),
                Changes.between(null, after, key -> key));
    }

    /** The actor presenting this API key (a request of the API). */
    public AuditLog.Actor apiKey(String presentedKey) {
        return audit.apiKey(presentedKey);
    }

    /** A source registered: its platform and label; its secret masked. */
    public void sourceCreated(StoreId store, AuditLog.Actor actor, String id, String platform, String label) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("platform", platform);
        after.put("label", label);
        after.put("secret", NEW_SECRET);
        audit.record(
                store,
                actor,
                "source.create",
                subject("source", id, label, platform),
                Changes.between(null, after, key -> key));
    }

    /** A source's secret rotated; the previous one still accepted until {@code previousValidUntil} (text), if any. */
    public void sourceSecretRotated(
            StoreId store, AuditLog.Actor actor, String id, String platform, String label, String previousValidUntil) {
        List<Changes.Change> changes = new ArrayList<>();
        changes.add(new Changes.Change("secret", MASKED, NEW_SECRET));
        if (previousValidUntil != null) {
            changes.add(new Changes.Change("previous_secret_valid_until", null, previousValidUntil));
        }
        audit.record(store, actor, "source.rotate_secret", subject("source", id, label, platform), changes);
    }

    public void sourceRemoved(StoreId store, AuditLog.Actor actor, String id, String platform, String label) {
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("platform", platform);
        before.put("label", label);
        before.put("secret", MASKED);
        audit.record(
                store,
                actor,
                "source.remove",
                subject("source", id, label, platform),
                Changes.between(before, null, key -> key));
    }

    /** A webhook endpoint: its address (masked), description, event types and state. */
    public record Endpoint(long id, String url, String description, List<String> eventTypes, boolean enabled) {}

    /** {@code action} one of create, update, disable, enable, delete; {@code before} null for a creation. */
    public void endpointChanged(StoreId store, AuditLog.Actor actor, String action, Endpoint before, Endpoint after) {
        Endpoint named = after != null ? after : before;
        List<Changes.Change> changes = new ArrayList<>(Changes.between(fields(before), fields(after), key -> key));
        if (before == null) {
            changes.add(new Changes.Change("secret", null, NEW_SECRET));
        } else if (after == null) {
            changes.add(new Changes.Change("secret", MASKED, null));
        }
        audit.record(
                store,
                actor,
                "webhook_endpoint." + action,
                subject("webhook_endpoint", Long.toString(named.id()), maskedUrl(named.url()), null),
                changes);
    }

    public void endpointSecretRotated(
            StoreId store, AuditLog.Actor actor, Endpoint endpoint, String previousValidUntil) {
        audit.record(
                store,
                actor,
                "webhook_endpoint.rotate_secret",
                subject("webhook_endpoint", Long.toString(endpoint.id()), maskedUrl(endpoint.url()), null),
                List.of(
                        new Changes.Change("secret", MASKED, NEW_SECRET),
                        new Changes.Change("previous_secret_valid_until", null, previousValidUntil)));
    }

    private static Map<String, Object> fields(Endpoint endpoint) {
        if (endpoint == null) {
            return null;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", maskedUrl(endpoint.url()));
        fields.put("description", endpoint.description());
        fields.put("event_types", endpoint.eventTypes());
        fields.put("enabled", endpoint.enabled() ? "yes" : "no");
        return fields;
    }

    private static AuditLog.Subject subject(String kind, String id, String label, String fallback) {
        return new AuditLog.Subject(kind, id, label == null || label.isBlank() ? fallback : label, null);
    }

    /** The address without what may be secret: user information and query masked. */
    public static String maskedUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null) {
                return MASKED;
            }
            StringBuilder text = new StringBuilder(uri.getScheme()).append("://");
            if (uri.getRawUserInfo() != null) {
                text.append(MASKED).append('@');
            }
            text.append(uri.getHost());
            if (uri.getPort() >= 0) {
                text.append(':').append(uri.getPort());
            }
            text.append(uri.getRawPath() == null ? "" : uri.getRawPath());
            if (uri.getRawQuery() != null) {
                text.append('?').append(MASKED);
            }
            return text.toString();
        } catch (java.net.URISyntaxException e) {
            return MASKED;
        }
    }
}
