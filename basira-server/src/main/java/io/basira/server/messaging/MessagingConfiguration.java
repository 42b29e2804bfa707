package io.basira.server.messaging;

import io.basira.campaigns.Messenger;
import io.basira.server.messaging.jdbc.JdbcContacts;
import io.basira.server.messaging.jdbc.JdbcMessageLog;
import io.basira.server.messaging.jdbc.JdbcMessageSettings;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.security.PublicDoor;
import io.basira.server.platform.security.SecretBox;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.TableKind;
import io.basira.server.privacy.TableKind.OnErase;
import io.basira.server.privacy.Tombstones;
import io.basira.server.webhooks.WebhookQueue;
import io.basira.server.webhooks.jdbc.JdbcWebhookEndpoints;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the messenger (docs/campaigns.md, "Channels" and "Care"): the stores, the channels, the {@link Messenger}
 * bean the campaign engine calls, the privacy kind of the message log, consent and preferences, the
 * {@code campaign.message} webhook topic, and the public unsubscribe door's security chain.
 */
@Configuration(proxyBeanMethods = false)
public class MessagingConfiguration {

    @Bean
    JdbcMessageSettings jdbcMessageSettings(JdbcTemplate jdbc, Clock clock) {
        return new JdbcMessageSettings(jdbc, clock);
    }

    @Bean
    JdbcContacts jdbcContacts(JdbcTemplate jdbc, Tombstones tombstones, Clock clock) {
        return new JdbcContacts(jdbc, tombstones, clock);
    }

    @Bean
    JdbcMessageLog jdbcMessageLog(JdbcTemplate jdbc, SqlDialect dialect) {
        return new JdbcMessageLog(jdbc, dialect == SqlDialect.POSTGRESQL);
    }

    /** Makes the frequency cap's check and the claim one step per customer, across instances. */
    @Bean
    CustomerLock customerLock(JdbcTemplate jdbc, TransactionTemplate transaction, Clock clock) {
        return new CustomerLock(jdbc, transaction, clock);
    }

    @Bean
    UnsubscribeTokens unsubscribeTokens(SecretBox box) {
        return new UnsubscribeTokens(box);
    }

    @Bean
    EmailChannel emailChannel(Clock clock) {
        return new EmailChannel(clock);
    }

    @Bean
    SmsChannel smsChannel(JsonMapper json, Clock clock) {
        return new SmsChannel(json, clock);
    }

    /** Also the webhook topic {@code campaign.message}. */
    @Bean
    WebhookChannel webhookChannel(JdbcWebhookEndpoints endpoints, WebhookQueue queue, Clock clock) {
        return new WebhookChannel(endpoints, queue, clock);
    }

    @Bean
    DeliveringMessenger messenger(
            JdbcStores stores,
            JdbcMessageSettings settings,
            JdbcContacts contacts,
            JdbcMessageLog log,
            CustomerLock lock,
            SecretBox box,
            UnsubscribeTokens tokens,
            EmailChannel email,
            SmsChannel sms,
            WebhookChannel webhook,
            @Value("${basira.public-url:}") String publicUrl,
            @Value("${server.port:8080}") int port,
            Clock clock) {
        return new DeliveringMessenger(
                stores,
                settings,
                contacts,
                log,
                lock,
                box,
                tokens,
                email,
                sms,
                webhook,
                publicUrl.isBlank() ? "http://localhost:" + port : publicUrl,
                clock);
    }

    @Bean
    MessagingService messagingService(
            JdbcMessageSettings settings,
            JdbcContacts contacts,
            JdbcMessageLog log,
            SecretBox box,
            EmailChannel email,
            SmsChannel sms,
            DeliveringMessenger messenger,
            Clock clock,
            io.basira.server.privacy.SettingsChanges audit) {
        return new MessagingService(settings, contacts, log, box, email, sms, messenger, clock, audit);
    }

    /**
     * The message log, consent history and contact preferences go with the customer on erasure; the log (not the
     * consent) is pruned by the store's retention for {@code messages}.
     */
    @Bean
    CustomerDataKind messagesKind(JdbcTemplate jdbc) {
        return new TableKind("messages", OnErase.DELETE, jdbc, "message_log", "contact_consents", "contact_preferences")
                .retained(new MessageLogRetention(jdbc));
    }

    /**
     * The public unsubscribe door: no session, no CSRF token (a mail client's one-click POST has none), no sign-in;
     * throttled per client address ({@code basira.messages.unsubscribe-requests} per
     * {@code basira.messages.unsubscribe-period}, 60 a minute by default: a person clicks once, a mail scanner a few
     * times; a script walking forged tokens is slowed).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class UnsubscribeDoor {

        @Bean
        @Order(1)
        SecurityFilterChain unsubscribeDoor(
                HttpSecurity http,
                Clock clock,
                @Value("${basira.messages.unsubscribe-requests:60}") int requests,
                @Value("${basira.messages.unsubscribe-period:1m}") Duration period)
                throws Exception {
            return PublicDoor.at("/u/**")
                    .limit(requests, period, clock)
                    .headers(
                            headers -> headers.contentSecurityPolicy(
                                    csp -> csp.policyDirectives(
                                            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")))
                    .build(http);
        }

        /**
         * The public door for SMS replies ({@code /sms/inbound/TOKEN}): no session, no CSRF token (a gateway has
         * none), no sign-in; throttled per client address ({@code basira.messages.inbound-requests} per
         * {@code basira.messages.inbound-period}, 120 a minute by default).
         */
        @Bean
        @Order(1)
        SecurityFilterChain inboundSmsDoor(
                HttpSecurity http,
                Clock clock,
                @Value("${basira.messages.inbound-requests:120}") int requests,
                @Value("${basira.messages.inbound-period:1m}") Duration period)
                throws Exception {
            return PublicDoor.at("/sms/inbound/**")
                    .limit(requests, period, clock)
                    .build(http);
        }
    }
}
