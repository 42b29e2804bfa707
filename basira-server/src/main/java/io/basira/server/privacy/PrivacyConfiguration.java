package io.basira.server.privacy;

import io.basira.events.DomainEvents;
import io.basira.ingest.IngestRecords;
import io.basira.server.platform.security.SecretBox;
import io.basira.server.privacy.TableKind.OnErase;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires privacy: the kinds of customer data of the features built so far (a feature added later declares its own
 * {@link CustomerDataKind} bean in its configuration), the registry of every kind bean, the tombstones, the
 * export, the erasure, the audit log and the retention.
 */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfiguration {

    @Bean
    CustomerDataKind customerRecordKind(JdbcTemplate jdbc) {
        return new CustomerRecordKind(jdbc);
    }

    @Bean
    CustomerDataKind ordersKind(JdbcTemplate jdbc) {
        return new TableKind("orders", OnErase.MOVE_TO_PSEUDONYM, jdbc, "orders");
    }

    @Bean
    CustomerDataKind orderLinesKind(JdbcTemplate jdbc) {
        return new OrderLinesKind(jdbc);
    }

    @Bean
    CustomerDataKind cartLinesKind(JdbcTemplate jdbc) {
        return new CartLinesKind(jdbc);
    }

    @Bean
    CustomerDataKind cartsKind(JdbcTemplate jdbc) {
        return new TableKind("carts", OnErase.DELETE, jdbc, "carts").retained(new AbandonedCarts(jdbc));
    }

    @Bean
    CustomerDataKind reviewsKind(JdbcTemplate jdbc) {
        return new TableKind("reviews", OnErase.DELETE, jdbc, "reviews");
    }

    @Bean
    CustomerDataKind wishlistKind(JdbcTemplate jdbc) {
        return new TableKind("wishlist", OnErase.DELETE, jdbc, "wishlist_items");
    }

    @Bean
    CustomerDataKind predictionsKind(JdbcTemplate jdbc) {
        return new TableKind("predictions", OnErase.DELETE, jdbc, "customer_analytics");
    }

    @Bean
    CustomerDataKind groupMembershipKind(JdbcTemplate jdbc) {
        return new TableKind(
                "group_memberships", OnErase.DELETE, jdbc, "group_members", "group_additions", "group_exclusions");
    }

    @Bean
    CustomerDataKind groupHistoryKind(JdbcTemplate jdbc) {
        return new TableKind("group_history", OnErase.DELETE, jdbc, "group_history");
    }

    @Bean
    Payloads privacyPayloads(JsonMapper json) {
        return new Payloads(json);
    }

    @Bean
    CustomerDataKind webhooksReceivedKind(JdbcTemplate jdbc, Payloads payloads) {
        return new PayloadKind(
                "webhooks_received",
                "webhook_inbox",
                "id",
                "body",
                PayloadKind.OnErase.DELETE_ROW,
                List.of(),
                jdbc,
                payloads,
                true);
    }

    @Bean
    CustomerDataKind webhooksSentKind(JdbcTemplate jdbc, Payloads payloads) {
        return new PayloadKind(
                "webhooks_sent",
                "webhook_deliveries",
                "id",
                "payload",
                PayloadKind.OnErase.DELETE_ROW,
                List.of("webhook_attempts"),
                jdbc,
                payloads);
    }

    @Bean
    CustomerDataKind eventsKind(JdbcTemplate jdbc, Payloads payloads) {
        return new PayloadKind(
                "events",
                "domain_events",
                "id",
                "payload",
                PayloadKind.OnErase.REWRITE,
                List.of("event_deliveries"),
                jdbc,
                payloads);
    }

    @Bean
    CustomerDataKind auditKind(JdbcTemplate jdbc, Payloads payloads) {
        return new AuditKind(jdbc, payloads);
    }

    @Bean
    GroupAudit groupAudit(AuditLog log) {
        return new GroupAudit(log);
    }

    @Bean
    PrivacyRegistry privacyRegistry(List<CustomerDataKind> kinds) {
        return new PrivacyRegistry(kinds);
    }

    @Bean
    Tombstones tombstones(JdbcTemplate jdbc, SecretBox box, io.basira.server.platform.tenancy.StoreWriteLocks locks) {
        return new Tombstones(jdbc, box.derivedKey("basira-privacy-tombstones-v1"), locks);
    }

    @Bean
    AuditLog auditLog(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new AuditLog(jdbc, json, clock);
    }

    // spine: changes of API keys, sources and webhook endpoints in the audit log
    @Bean
    ConnectionChanges connectionChanges(AuditLog audit, TransactionTemplate transaction) {
        return new ConnectionChanges(audit, transaction);
    }

    // spine: changes of the store's settings (message channels, browsing site, import mapping) in the audit log
    @Bean
    SettingsChanges settingsChanges(AuditLog audit, TransactionTemplate transaction) {
        return new SettingsChanges(audit, transaction);
    }

    @Bean
    ExportCustomer exportCustomer(JdbcTemplate jdbc, PrivacyRegistry registry, JsonMapper json, Clock clock) {
        return new ExportCustomer(jdbc, registry, json, clock);
    }

    @Bean
    EraseCustomer eraseCustomer(
            JdbcTemplate jdbc,
            PrivacyRegistry registry,
            Tombstones tombstones,
            IngestRecords ingest,
            DomainEvents events,
            AuditLog audit,
            TransactionTemplate transaction,
            JsonMapper json,
            Clock clock) {
        return new EraseCustomer(jdbc, registry, tombstones, ingest, events, audit, transaction, json, clock);
    }

    @Bean
    RetentionSettings retentionSettings(
            JdbcTemplate jdbc, PrivacyRegistry registry, AuditLog audit, TransactionTemplate transaction) {
        return new RetentionSettings(jdbc, registry, audit, transaction);
    }

    @Bean
    RetentionRun retentionRun(
            PrivacyRegistry registry,
            RetentionSettings settings,
            IngestRecords ingest,
            DomainEvents events,
            TransactionTemplate transaction,
            Clock clock) {
        return new RetentionRun(registry, settings, ingest, events, transaction, clock);
    }

    @Bean
    PrivacyWebhooks privacyWebhooks(EraseCustomer erase, AuditLog audit, JdbcTemplate jdbc) {
        return new PrivacyWebhooks(erase, audit, jdbc);
    }
}
