package io.basira.server.checkout;

import io.basira.checkout.CustomerGroups;
import io.basira.checkout.EvaluateCheckout;
import io.basira.loyalty.LoyaltyPorts;
import io.basira.server.checkout.jdbc.JdbcCheckoutAudit;
import io.basira.server.checkout.jdbc.JdbcCheckoutPolicies;
import io.basira.server.checkout.jdbc.JdbcCoupons;
import io.basira.server.privacy.CustomerDataKind;
import io.basira.server.privacy.TableKind;
import io.basira.server.privacy.TableKind.OnErase;
import io.basira.shared.Store;
import java.time.Clock;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires checkout: the decision use case, its JDBC adapters and the audited changes.
 *
 * <p>Group membership: {@link EvaluateCheckout} takes the application's {@link CustomerGroups}, the
 * groups engine answering from its in-memory membership ({@code groups.LiveCustomerGroups}).
 * Coupon redemption is wired on the write path in {@code CoreConfiguration}; loyalty's part of a decision (points
 * to earn, rewards, a tier's free shipping) is answered from memory by {@link RememberedCheckoutLoyalty}, the
 * durable listener that forgets a customer's standing when an event says it changed.
 */
@Configuration(proxyBeanMethods = false)
public class CheckoutConfiguration {

    @Bean
    JdbcCheckoutPolicies jdbcCheckoutPolicies(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new JdbcCheckoutPolicies(jdbc, json, clock);
    }

    @Bean
    JdbcCoupons jdbcCoupons(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        return new JdbcCoupons(jdbc, json, clock);
    }

    /** The policies and coupons that aim at a group: the groups refuse to delete it. */
    @Bean
    CheckoutGroupUses checkoutGroupUses(JdbcCheckoutPolicies policies, JdbcCoupons coupons) {
        return new CheckoutGroupUses(policies, coupons);
    }

    @Bean
    JdbcCheckoutAudit jdbcCheckoutAudit(
            JdbcTemplate jdbc, JsonMapper json, Clock clock, io.basira.server.privacy.AuditLog log) {
        return new JdbcCheckoutAudit(jdbc, json, clock, log);
    }

    @Bean
    CheckoutChanges checkoutChanges(
            JdbcCheckoutPolicies policies,
            JdbcCoupons coupons,
            JdbcCheckoutAudit audit,
            TransactionTemplate transaction) {
        return new CheckoutChanges(policies, coupons, audit, transaction);
    }

    /** Loyalty's part of a decision, from memory kept current by the events (a durable listener). */
    @Bean
    RememberedCheckoutLoyalty rememberedCheckoutLoyalty(LoyaltyPorts loyalty, JdbcTemplate jdbc) {
        return new RememberedCheckoutLoyalty(loyalty.programs(), jdbc);
    }

    @Bean
    EvaluateCheckout evaluateCheckout(
            JdbcCheckoutPolicies policies,
            JdbcCoupons coupons,
            CustomerGroups groups,
            RememberedCheckoutLoyalty loyalty,
            Clock clock) {
        return new EvaluateCheckout(policies, coupons, groups, loyalty, clock);
    }

    @Bean
    CheckoutSetup checkoutSetup(
            JdbcCheckoutPolicies policies,
            JdbcCoupons coupons,
            CheckoutChanges changes,
            JdbcCheckoutAudit audit,
            EvaluateCheckout evaluate) {
        return new CheckoutSetup(policies, coupons, changes, audit, evaluate);
    }

    /** Coupon uses stay counted (the coupon's limits and the store's accounts), under the pseudonym. */
    @Bean
    CustomerDataKind couponUsesKind(JdbcTemplate jdbc, JdbcCoupons coupons) {
        TableKind uses = new TableKind("coupon_uses", OnErase.MOVE_TO_PSEUDONYM, jdbc, "checkout_redemptions");
        return new CustomerDataKind() {
            @Override
            public String name() {
                return uses.name();
            }

            @Override
            public List<String> tables() {
                return uses.tables();
            }

            @Override
            public List<java.util.Map<String, Object>> export(Store store, Person person) {
                return uses.export(store, person);
            }

            @Override
            public int erase(Erasure erasure) {
                return uses.erase(erasure);
            }

            @Override
            public void forgetInMemory(Store store, String customerId) {
                coupons.forgetCustomer(store.id(), customerId);
            }
        };
    }
}
