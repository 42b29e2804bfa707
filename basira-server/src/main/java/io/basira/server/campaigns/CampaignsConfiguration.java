package io.basira.server.campaigns;

import io.basira.campaigns.Messenger;
import io.basira.campaigns.SendDueMessages;
import io.basira.events.DomainEvents;
import io.basira.server.campaigns.jdbc.JdbcCampaigns;
import io.basira.server.campaigns.jdbc.JdbcEnrolments;
import io.basira.server.checkout.CampaignCouponsInCheckout;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.security.PublicDoor;
import io.basira.server.platform.tenancy.JdbcStores;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.TableKind;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Wires the campaign engine (docs/campaigns.md): the tables, the core's {@link SendDueMessages} on the application's
 * {@link Messenger}, {@link CampaignService}, the outbox listener of group entries and expiring points, the privacy
 * kind of enrolments and survey answers and, in the server only, the {@link CampaignLoop}
 * ({@code basira.campaigns.loop.enabled=false} switches it off: tests run the rounds themselves).
 */
@Configuration(proxyBeanMethods = false)
public class CampaignsConfiguration {

    @Bean
    JdbcCampaigns jdbcCampaigns(JdbcTemplate jdbc) {
        return new JdbcCampaigns(jdbc);
    }

    @Bean
    JdbcEnrolments jdbcEnrolments(JdbcTemplate jdbc, TransactionTemplate transaction, SqlDialect dialect) {
        return new JdbcEnrolments(jdbc, transaction, dialect == SqlDialect.POSTGRESQL);
    }

    @Bean
    CampaignCouponsInCheckout campaignCoupons(JdbcCoupons coupons, JdbcStores stores) {
        return new CampaignCouponsInCheckout(coupons, stores);
    }

    @Bean
    ServerCampaignExtras campaignExtras(
            JdbcTemplate jdbc,
            TransactionTemplate transaction,
            CampaignCouponsInCheckout coupons,
            Clock clock,
            @Value("${basira.public-url:}") String publicUrl) {
        return new ServerCampaignExtras(jdbc, transaction, coupons, clock, publicUrl);
    }

    @Bean
    SendDueMessages sendDueMessages(
            JdbcEnrolments enrolments,
            ServerCampaignExtras extras,
            Messenger messenger,
            Clock clock,
            @Value("${basira.campaigns.lease:5m}") Duration lease) {
        return new SendDueMessages(enrolments, enrolments, extras, messenger, clock, lease);
    }

    @Bean
    EnrolCustomers enrolCustomers(
            JdbcEnrolments enrolments,
            RecordConversions conversions,
            TransactionTemplate transaction,
            DomainEvents events) {
        return new EnrolCustomers(enrolments, conversions, transaction, events);
    }

    @Bean
    RecordConversions recordConversions(
            JdbcEnrolments enrolments, TransactionTemplate transaction, DomainEvents events) {
        return new RecordConversions(enrolments, transaction, events);
    }

    @Bean
    CampaignService campaignService(
            JdbcCampaigns campaigns,
            JdbcEnrolments enrolments,
            EnrolCustomers enrol,
            SendDueMessages sender,
            JdbcStores stores,
            JdbcTemplate jdbc,
            Clock clock,
            io.basira.server.privacy.AuditLog audit,
            tools.jackson.databind.json.JsonMapper json) {
        return new CampaignService(campaigns, enrolments, enrol, sender, stores, jdbc, clock, audit, json);
    }

    @Bean
    CampaignTriggersFromEvents campaignTriggersFromEvents(CampaignService campaigns, RecordConversions conversions) {
        return new CampaignTriggersFromEvents(campaigns, conversions);
    }

    /** The webhooks {@code campaign.enrolled} and {@code campaign.converted}. */
    @Bean
    CampaignWebhooks campaignWebhooks() {
        return new CampaignWebhooks();
    }

    /** A group a campaign (not finished) aims at is not deleted under it. */
    @Bean
    CampaignGroupUses campaignGroupUses(JdbcTemplate jdbc) {
        return new CampaignGroupUses(jdbc);
    }

    /** Enrolments (the messages a customer was due, sent or kept back) and survey answers: exported and erased. */
    @Bean
    CustomerDataKind campaignEnrolmentsKind(JdbcTemplate jdbc) {
        return new TableKind(
                "campaign_enrolments",
                TableKind.OnErase.DELETE,
                jdbc,
                "campaign_survey_answers",
                "campaign_enrolments");
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    @ConditionalOnBooleanProperty(name = "basira.campaigns.loop.enabled", matchIfMissing = true)
    static class InTheServer {

        @Bean
        CampaignLoop campaignLoop(CampaignService campaigns, @Value("${basira.campaigns.poll:30s}") Duration poll) {
            return new CampaignLoop(campaigns, poll);
        }
    }

    /** The survey's public door: stateless, no sign-in, throttled per address (60 a minute by default). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class SurveyDoor {

        @Bean
        @Order(1)
        SecurityFilterChain surveyDoor(
                HttpSecurity http,
                Clock clock,
                @Value("${basira.campaigns.survey-requests:60}") int requests,
                @Value("${basira.campaigns.survey-period:1m}") Duration period)
                throws Exception {
            return PublicDoor.at("/survey/**").limit(requests, period, clock).build(http);
        }
    }
}
