package io.basira.groups;

import static io.basira.groups.Cards.card;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.analytics.CustomerFact;
import io.basira.analytics.OrderFact;
import io.basira.analytics.StoreFacts;
import io.basira.checkout.CartItem;
import io.basira.checkout.Catalogue;
import io.basira.checkout.CheckoutDecision;
import io.basira.checkout.CheckoutPolicies.StorePolicies;
import io.basira.checkout.CheckoutRequest;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.EvaluateCheckout;
import io.basira.checkout.Policy;
import io.basira.checkout.PolicyRule;
import io.basira.checkout.Validity;
import io.basira.checkout.simulation.GroupAudiences;
import io.basira.checkout.simulation.OfferAudiences;
import io.basira.checkout.simulation.OfferTarget;
import io.basira.checkout.simulation.OfferTerms;
import io.basira.checkout.simulation.SimulateOffer;
import io.basira.checkout.simulation.Simulation;
import io.basira.commerce.OrderStatus;
import io.basira.fields.BuiltInFields;
import io.basira.segment.text.RuleText;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The offer simulator's reach over the real group engine, and its agreement with the checkout decision:
 * whoever the simulation says qualifies (a customer, a customer without orders, an anonymous visitor, a
 * customer the store does not know) gets the offer from {@link EvaluateCheckout}, and no one else; and the
 * simulated cost is the sum of what the decision would have taken off each qualifying order.
 */
class OfferReachTest {

    static final Currency SAR = Currency.getInstance("SAR");
    static final Store STORE = new Store(new StoreId(1), "shop", "Shop", SAR, ZoneId.of("Asia/Riyadh"));

    private final InMemoryGroupStore db = new InMemoryGroupStore();
    private final GroupEngine engine = new GroupEngine(db.ports(), BuiltInFields.catalogue(), db, db.clock);
    private final GroupRules rules = new GroupRules(engine, db, db.clock);
    private final GroupInsights insights = new GroupInsights(engine, db);
    private final GroupAudiences audiences = new GroupAudiences(insights);
    private final List<OrderFact> orders = new ArrayList<>();

    @BeforeEach
    void store() {
        db.putCustomer("NEW", card(0, 0, 0, 0)); // signed up, never ordered
        db.putCustomer("SMALL", card(1, 5_000, 0, 3)); // 50.00 in one order
        db.putCustomer("BIG", card(4, 250_000, 0, 3)); // 2,500.00
        db.putCustomer("MID", card(2, 120_000, 0, 40)); // 1,200.00
        rules.create(STORE, "low-basket", "Low basket", RuleText.parse("total_spent < 200 AND order_count < 3"));
        rules.create(STORE, "vip", "VIP", RuleText.parse("total_spent > 1500 OR order_count > 10"));
        Instant day = Instant.parse("2024-05-20T10:00:00Z");
        orders.add(OrderFact.of("SMALL", day, OrderStatus.COMPLETED, 5_000, false));
        orders.add(OrderFact.of("BIG", day, OrderStatus.COMPLETED, 99_999, false));
        orders.add(OrderFact.of("MID", day, OrderStatus.COMPLETED, 60_000, false));
        orders.add(OrderFact.of("GHOST", day, OrderStatus.COMPLETED, 10_001, false)); // an id only in orders
    }

    private StoreFacts facts() {
        List<CustomerFact> customers = db.customerIds().stream()
                .map(id -> new CustomerFact(id, null, null, null, Instant.parse("2023-01-01T00:00:00Z")))
                .toList();
        return new StoreFacts(STORE.timeZone(), SAR, customers, orders);
    }

    private Simulation simulate(OfferTerms terms) {
        StoreFacts facts = facts();
        return new SimulateOffer(audiences, store -> facts, db.clock).simulate(STORE, terms);
    }

    private static OfferTerms thirtyPercent(EligibleGroups groups) {
        return OfferTerms.of(policy(groups));
    }

    private static Policy policy(EligibleGroups groups) {
        return new Policy(
                "1",
                "30% for small baskets",
                groups,
                Validity.always(),
                new PolicyRule.PercentOff(BigDecimal.valueOf(30), null));
    }

    @Test
    void the_low_basket_template_reaches_every_customer_without_an_order_and_every_anonymous_visitor() {
        Simulation simulation = simulate(thirtyPercent(EligibleGroups.anyOf("low-basket")));

        Simulation.Reach reach = simulation.reach();
        assertThat(reach.customers()).isEqualTo(4);
        assertThat(reach.members()).isEqualTo(2); // NEW and SMALL
        assertThat(reach.share()).isEqualByComparingTo("50.0");
        assertThat(reach.customersWithoutOrders()).isEqualTo(1);
        assertThat(reach.membersWithoutOrders()).isEqualTo(1);
        assertThat(reach.anonymousVisitorsQualify()).isTrue();
        assertThat(simulation.warnings())
                .startsWith(
                        Simulation.Warning.ANONYMOUS_VISITORS_QUALIFY,
                        Simulation.Warning.CUSTOMERS_WITHOUT_ORDERS_QUALIFY);
    }

    @Test
    void a_group_that_needs_orders_reaches_neither_anonymous_visitors_nor_customers_without_orders() {
        Simulation simulation = simulate(thirtyPercent(EligibleGroups.anyOf("vip")));

        assertThat(simulation.reach().members()).isEqualTo(1);
        assertThat(simulation.reach().anonymousVisitorsQualify()).isFalse();
        assertThat(simulation.reach().membersWithoutOrders()).isZero();
        assertThat(simulation.warnings()).isEmpty();
    }

    @Test
    void everyone_and_none_of_are_read_as_checkout_reads_them_and_unknown_groups_are_said() {
        Simulation everyone = simulate(thirtyPercent(EligibleGroups.everyone()));
        assertThat(everyone.reach().members()).isEqualTo(4);
        assertThat(everyone.reach().anonymousVisitorsQualify()).isTrue();

        Simulation notLow = simulate(thirtyPercent(EligibleGroups.noneOf("low-basket")));
        assertThat(notLow.reach().members()).isEqualTo(2);
        assertThat(notLow.reach().anonymousVisitorsQualify()).isFalse();

        Simulation unknown = simulate(thirtyPercent(EligibleGroups.anyOf("vip", "gone")));
        assertThat(unknown.reach().unknownGroups()).containsExactly("gone");
        assertThat(unknown.warnings()).contains(Simulation.Warning.UNKNOWN_GROUPS);
    }

    @Test
    void a_rule_reaches_as_a_group_with_that_rule_would_and_must_name_existing_groups() {
        OfferTerms byRule = new OfferTerms(
                new OfferTarget.Rule(RuleText.parse("group = 'low-basket' AND order_count = 0")),
                thirtyPercent(EligibleGroups.everyone()).discount(),
                null,
                null,
                null,
                null,
                null);
        Simulation simulation = simulate(byRule);
        assertThat(simulation.reach().members()).isEqualTo(1);
        assertThat(simulation.reach().anonymousVisitorsQualify()).isTrue();

        OfferTerms stranger = new OfferTerms(
                new OfferTarget.Rule(RuleText.parse("group = 'nope'")),
                byRule.discount(),
                null,
                null,
                null,
                null,
                null);
        assertThatThrownBy(() -> simulate(stranger))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nope");
    }

    @Test
    void whoever_the_simulation_says_qualifies_gets_the_offer_from_the_real_decision_and_no_one_else() {
        for (EligibleGroups groups : List.of(
                EligibleGroups.anyOf("low-basket"),
                EligibleGroups.anyOf("vip"),
                EligibleGroups.noneOf("low-basket"),
                EligibleGroups.everyone(),
                new EligibleGroups(Set.of("low-basket"), Set.of("vip")))) {
            Policy policy = policy(groups);
            EvaluateCheckout checkout = new EvaluateCheckout(
                    store -> new StorePolicies(Catalogue.standard(), List.of(policy)),
                    (store, code, customer) -> Optional.empty(),
                    (store, customer) -> engine.groupsOf(STORE, customer),
                    db.clock);
            StoreFacts facts = facts();
            OfferAudiences.Audience audience = audiences.reach(STORE, new OfferTarget.Groups(groups), facts);
            int offered = 0;
            long decided = 0;
            for (int row = 0; row < facts.rows(); row++) {
                String customer = facts.customerId(row);
                CheckoutDecision one = decide(checkout, customer, 10_000);
                assertThat(!one.offers().isEmpty())
                        .as("%s for %s", customer, groups)
                        .isEqualTo(audience.qualifies().get(row));
                offered += one.offers().isEmpty() || row >= facts.customerCount() ? 0 : 1;
                for (int o = facts.orderStart(row); o < facts.orderStart(row + 1); o++) {
                    decided += decide(checkout, customer, facts.totalMinor(o))
                            .totals()
                            .offersDiscount()
                            .minor();
                }
            }
            assertThat(offered).isEqualTo(audience.members());
            assertThat(!decide(checkout, null, 10_000).offers().isEmpty()).isEqualTo(audience.anonymousQualifies());
            Simulation simulation = simulate(OfferTerms.of(policy));
            assertThat(simulation.cost().discount().minor())
                    .as("cost for %s", groups)
                    .isEqualTo(decided);
        }
    }

    private static CheckoutDecision decide(EvaluateCheckout checkout, String customer, long basketMinor) {
        return checkout.decide(
                STORE,
                new CheckoutRequest(
                        customer,
                        List.of(new CartItem("P1", 1, Money.ofMinor(basketMinor, SAR))),
                        null,
                        Money.zero(SAR),
                        null));
    }

    @Test
    void the_window_is_read_in_the_store_zone() {
        assertThat(simulate(thirtyPercent(EligibleGroups.everyone())).cost().from())
                .isEqualTo(LocalDate.of(2024, 3, 3)); // 1 June 12:00 in Riyadh, minus 90 days
    }
}
