package io.basira.server.sources;

import io.basira.events.DomainEvents;
import io.basira.ingest.IngestRecords;
import io.basira.server.ingest.jdbc.JdbcCommerceReads;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.security.PublicDoor;
import io.basira.server.platform.security.SecretBox;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.platform.throttle.Throttle;
import io.basira.server.sources.api.SourcesController;
import io.basira.server.sources.api.WebhookDoor;
import io.basira.server.sources.jdbc.JdbcInbox;
import io.basira.server.sources.jdbc.JdbcRecordVersions;
import io.basira.server.sources.jdbc.JdbcSources;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/** Wires the platform sources, the webhook inbox and its application (docs/connect.md). */
@Configuration(proxyBeanMethods = false)
public class SourcesConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SourcesConfiguration.class);

    /**
     * The key that seals sources' secrets: {@code basira.secrets.key}, else {@code secrets.key} in the data
     * folder (made on first use). Without either (tests), a key for this process only, and a warning.
     */
    @Bean
    SecretBox secretBox(@Value("${basira.secrets.key:}") String key, @Value("${basira.data-dir:}") String dataDir) {
        if (key.isBlank() && dataDir.isBlank()) {
            log.warn(
                    "neither basira.secrets.key nor a data folder is set: sources' secrets are sealed with a key of this"
                            + " process only and cannot be read after a restart");
            byte[] ephemeral = new byte[32];
            new SecureRandom().nextBytes(ephemeral);
            return new SecretBox(ephemeral);
        }
        return SecretBox.of(key, dataDir.isBlank() ? null : Path.of(dataDir));
    }

    @Bean
    JdbcSources jdbcSources(JdbcTemplate jdbc, SecretBox box, Clock clock) {
        return new JdbcSources(jdbc, box, clock);
    }

    @Bean
    JdbcInbox jdbcInbox(JdbcTemplate jdbc, SqlDialect dialect) {
        return new JdbcInbox(jdbc, dialect);
    }

    @Bean
    InboxMetrics inboxMetrics(ObjectProvider<MeterRegistry> registry) {
        MeterRegistry meters = registry.getIfAvailable();
        return new InboxMetrics(meters != null ? meters : new SimpleMeterRegistry());
    }

    @Bean
    ReceiveWebhook receiveWebhook(
            JdbcInbox inbox,
            DomainEvents events,
            TransactionTemplate transaction,
            Clock clock,
            SqlDialect dialect,
            @Value("${basira.webhooks.writers:0}") int writers) {
        int threads = writers > 0 ? writers : dialect == SqlDialect.POSTGRESQL ? 4 : 1;
        return new ReceiveWebhook(inbox, events, transaction, clock, threads);
    }

    /** The outbox listener that applies inbox events through the write use case. */
    @Bean
    InboxApplication inboxApplication(
            JdbcInbox inbox,
            IngestRecords ingest,
            JdbcTemplate jdbc,
            SqlDialect dialect,
            JdbcStores stores,
            TransactionTemplate transaction,
            Clock clock,
            InboxMetrics metrics,
            io.basira.server.privacy.PrivacyWebhooks privacy) {
        return new InboxApplication(
                inbox,
                new InboxApplication.Writes(
                        ingest, new JdbcCommerceReads(jdbc), new JdbcRecordVersions(jdbc, dialect), privacy),
                stores,
                transaction,
                clock,
                metrics);
    }

    @Bean
    SourcesController sourcesController(
            JdbcSources sources,
            SourceChanges changes,
            JdbcInbox inbox,
            ReceiveWebhook receive,
            @Value("${basira.sources.rotation-window:24h}") Duration rotationWindow,
            io.basira.server.privacy.AuditLog audit) {
        return new SourcesController(sources, changes, inbox, receive, rotationWindow, audit);
    }

    /** The audited changes of sources (API and dashboard). */
    @Bean
    SourceChanges sourceChanges(JdbcSources sources, io.basira.server.privacy.ConnectionChanges audit) {
        return new SourceChanges(sources, audit);
    }

    /**
     * The webhooks' own door ({@code /webhooks/**}): no API key, no session, no CSRF token — the platform's
     * signature is the proof — and a throttle per client address ({@code basira.webhooks.address-attempts} per
     * {@code basira.webhooks.address-period}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Doors {

        /**
         * The deliveries ({@code /webhooks/*}), a filter ahead of every other one (Spring Security's chain
         * included): it applies the limit per client address itself and answers every request of its paths.
         */
        @Bean
        FilterRegistrationBean<WebhookDoor> webhookDoor(
                JdbcSources sources,
                ReceiveWebhook receive,
                InboxMetrics metrics,
                Clock clock,
                @Value("${basira.webhooks.max-body:1MB}") DataSize maxBody,
                @Value("${basira.webhooks.address-attempts:6000}") int attempts,
                @Value("${basira.webhooks.address-period:1m}") Duration period) {
            WebhookDoor door = new WebhookDoor(
                    sources,
                    receive,
                    metrics,
                    new Throttle(new Throttle.Limit(attempts, period), PublicDoor.ADDRESSES, clock),
                    clock,
                    maxBody.toBytes());
            FilterRegistrationBean<WebhookDoor> registration = new FilterRegistrationBean<>(door);
            registration.addUrlPatterns("/webhooks/*");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setName("webhookDoor");
            return registration;
        }

        /** Behind the door (which answers every request of its paths): kept so that nothing reaches it unthrottled. */
        @Bean
        @Order(1)
        SecurityFilterChain webhooks(
                HttpSecurity http,
                Clock clock,
                @Value("${basira.webhooks.address-attempts:6000}") int attempts,
                @Value("${basira.webhooks.address-period:1m}") Duration period)
                throws Exception {
            return PublicDoor.at("/webhooks/**").limit(attempts, period, clock).build(http);
        }
    }
}
