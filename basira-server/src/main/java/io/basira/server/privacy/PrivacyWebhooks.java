package io.basira.server.privacy;

import io.basira.shared.Store;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The platforms' privacy requests, applied from the webhook inbox in the inbox row's transaction (docs/privacy.md,
 * "Shopify's privacy webhooks"). Shopify's mandatory topics:
 * <ul>
 * <li>{@code customers/redact}: the customer ({@code customer.id}) is erased as {@link EraseCustomer} does, by the
 *     actor {@code platform:shopify}, the request's orders kept de-identified;
 * <li>{@code customers/data_request}: recorded in the audit log on the customer (action
 *     {@code customer.data_request}); the merchant exports the customer's data from the card (or the API, the
 *     command line) and sends it to the person: Shopify expects the merchant to answer, not the app;
 * <li>{@code shop/redact} (48 hours after the app was uninstalled): every customer of the store is erased.
 * </ul>
 * Every request is answered (the inbox row becomes {@code applied}) even when the store holds nothing about the
 * person.
 */
public final class PrivacyWebhooks {

    private final EraseCustomer erase;
    private final AuditLog audit;
    private final JdbcTemplate jdbc;

    public PrivacyWebhooks(EraseCustomer erase, AuditLog audit, JdbcTemplate jdbc) {
        this.erase = erase;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Whether {@link #apply} takes the platform's events of {@code topic} (a privacy request). */
    public static boolean handles(String platform, String topic) {
        return "shopify".equals(platform)
                && ("customers/redact".equals(topic)
                        || "customers/data_request".equals(topic)
                        || "shop/redact".equals(topic));
    }

    /** Applies a privacy request; empty when {@code topic} is not one (the event is mapped as usual). */
    public Optional<String> apply(Store store, String platform, String topic, JsonNode body) {
        if (!"shopify".equals(platform)) {
            return Optional.empty();
        }
        AuditLog.Actor actor = AuditLog.Actor.platform(platform);
        return switch (topic) {
            case "customers/redact" -> Optional.of(redact(store, actor, customerId(body), reference(body)));
            case "customers/data_request" -> Optional.of(dataRequest(store, actor, customerId(body), reference(body)));
            case "shop/redact" -> Optional.of(redactShop(store, actor));
            default -> Optional.empty();
        };
    }

    private String redact(Store store, AuditLog.Actor actor, String customerId, String reference) {
        if (customerId == null) {
            return "customers/redact names no customer id: nothing erased";
        }
        if (!held(store, customerId)) { // checked first: a refusal inside would roll back the inbox's transaction
            return "customers/redact: the store holds no such customer (or erased it already)";
        }
        EraseCustomer.Erased erased = erase.erase(store, customerId, actor, reference);
        return "customer erased (erasure " + erased.erasureId() + ")";
    }

    private String dataRequest(Store store, AuditLog.Actor actor, String customerId, String reference) {
        List<String> names = customerId == null
                ? List.of()
                : jdbc.queryForList(
                        "SELECT COALESCE(first_name, '') || ' ' || "
                                + "COALESCE(last_name, '') FROM customers WHERE store_id = ? AND external_id = ? AND erased_at IS NULL",
                        String.class,
                        store.id().value(),
                        customerId);
        if (names.isEmpty()) {
            return "customers/data_request: the store holds no such customer";
        }
        audit.record(
                store.id(),
                actor,
                "customer.data_request",
                AuditLog.Subject.customer(customerId, names.get(0).strip()),
                reference == null ? List.of() : List.of(new Changes.Change("request", null, reference)));
        return "data request recorded: export the customer's data from the card and send it to them";
    }

    private String redactShop(Store store, AuditLog.Actor actor) {
        List<String> customers = jdbc.queryForList(
                "SELECT external_id FROM customers WHERE store_id = ? AND erased_at IS " + "NULL ORDER BY external_id",
                String.class,
                store.id().value());
        customers.forEach(customerId -> erase.erase(store, customerId, actor, "shop/redact"));
        return "shop/redact: " + customers.size() + " customers erased";
    }

    private boolean held(Store store, String customerId) {
        return jdbc.queryForObject(
                        "SELECT COUNT(*) FROM customers WHERE store_id = ? AND external_id = ? AND erased_at "
                                + "IS NULL",
                        Integer.class,
                        store.id().value(),
                        customerId)
                > 0;
    }

    private static String customerId(JsonNode body) {
        JsonNode id = body.path("customer").path("id");
        return id.isMissingNode() || id.isNull() ? null : id.asString();
    }

    /** The request's own reference, no personal data: Shopify's data request id, else none. */
    private static String reference(JsonNode body) {
        JsonNode id = body.path("data_request").path("id");
        return id.isMissingNode() || id.isNull() ? null : "shopify data request " + id.asString();
    }
}
