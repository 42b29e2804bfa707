package io.basira.server.loyalty;

import io.basira.events.DomainEvents;
import io.basira.loyalty.AdjustPoints;
import io.basira.loyalty.EarnPoints;
import io.basira.loyalty.GrantBonuses;
import io.basira.loyalty.LoyaltyFields;
import io.basira.loyalty.LoyaltyMidnight;
import io.basira.loyalty.LoyaltyPorts;
import io.basira.loyalty.RebuildLedgers;
import io.basira.loyalty.RedeemPoints;
import io.basira.segment.FieldSet;
import io.basira.server.checkout.RewardCouponsInCheckout;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.loyalty.jdbc.JdbcLoyaltyLedgers;
import io.basira.server.loyalty.jdbc.JdbcLoyaltyPrograms;
import io.basira.server.loyalty.jdbc.JdbcPurchaseActivity;
import io.basira.server.loyalty.jdbc.JdbcRedemptions;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.tenancy.JdbcStores;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires loyalty (docs/loyalty.md): the JDBC ports, the use cases, the card fields ({@link LoyaltyFields} as a
 * {@code FieldSet} bean), the webhook topic and the service the API, dashboard and CLI call. {@link EarnPoints}
 * is a participant of every write, listed in {@code CoreConfiguration}; the midnight work runs as the
 * {@code loyalty-midnight} job ({@code JobsConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class LoyaltyConfiguration {

    @Bean
    LoyaltyPorts loyaltyPorts(JdbcTemplate jdbc, SqlDialect dialect, JsonMapper json, Clock clock) {
        return new LoyaltyPorts(
                new JdbcLoyaltyPrograms(jdbc, json, clock),
                new JdbcLoyaltyLedgers(jdbc, dialect),
                new JdbcPurchaseActivity(jdbc, dialect));
    }

    @Bean
    EarnPoints earnPoints(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        return new EarnPoints(ports, events, clock);
    }

    /** A participant of every write (listed in {@code CoreConfiguration}): an order using a reward coupon commits it. */
    @Bean
    io.basira.loyalty.CommitUsedRewards commitUsedRewards(JdbcRedemptions redemptions) {
        return new io.basira.loyalty.CommitUsedRewards(redemptions);
    }

    @Bean
    RebuildLedgers rebuildLedgers(LoyaltyPorts ports, DomainEvents events, Clock clock) {
        return new RebuildLedgers(ports, events, clock);
    }

    @Bean
    JdbcRedemptions jdbcRedemptions(JdbcTemplate jdbc) {
        return new JdbcRedemptions(jdbc);
    }

    @Bean
    LoyaltyService loyaltyService(
            LoyaltyPorts ports,
            JdbcRedemptions redemptions,
            JdbcCoupons coupons,
            JdbcStores stores,
            RebuildLedgers rebuild,
            DomainEvents events,
            Clock clock,
            io.basira.server.privacy.AuditLog audit,
            JsonMapper json,
            TransactionTemplate transaction) {
        return new LoyaltyService(
                ports,
                redemptions,
                new AdjustPoints(ports, events, clock),
                new RedeemPoints(ports, redemptions, new RewardCouponsInCheckout(coupons, stores), events, clock),
                new LoyaltyMidnight(ports, events, clock),
                rebuild,
                new GrantBonuses(ports, events, clock),
                audit,
                json,
                transaction);
    }

    /** The loyalty card fields, in every rule, list, export and card page (after the browsing fields). */
    @Bean
    @org.springframework.core.annotation.Order(10)
    FieldSet loyaltyFields() {
        return new LoyaltyFields();
    }

    @Bean
    LoyaltyBonusesFollowWrites loyaltyBonusesFollowWrites(LoyaltyService loyalty) {
        return new LoyaltyBonusesFollowWrites(loyalty);
    }

    @Bean
    LoyaltyWebhooks loyaltyWebhooks() {
        return new LoyaltyWebhooks();
    }

    /** The loyalty rows of a customer, registered with the privacy registry. */
    @Bean
    io.basira.server.privacy.CustomerDataKind loyaltyData(LoyaltyService loyalty) {
        return new LoyaltyData(loyalty.ledgers());
    }
}
