package io.basira.checkout.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.analytics.CustomerFact;
import io.basira.analytics.OrderFact;
import io.basira.analytics.StoreFacts;
import io.basira.checkout.EligibleGroups;
import io.basira.checkout.Validity;
import io.basira.commerce.OrderStatus;
import io.basira.shared.Money;
import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cost side of the simulator: the 90-day window in the store's zone, exact money, the offer's conditions. */
class SimulateOfferTest {

    static final Currency SAR = Currency.getInstance("SAR");
    static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    static final Store STORE = new Store(new StoreId(1), "shop", "Shop", SAR, RIYADH);
    /** 2024-06-16 00:30 in Riyadh: today is 16 June, the window 18 March (inclusive) to 16 June (exclusive). */
    static final Instant NOW = Instant.parse("2024-06-15T21:30:00Z");

    static final OfferTarget EVERYONE = new OfferTarget.Groups(EligibleGroups.everyone());

    private final List<OrderFact> orders = new ArrayList<>();
    private Set<String> reached = Set.of("A", "B", "C");

    private void order(String customer, String at, String total) {
        order(customer, at, total, OrderStatus.COMPLETED);
    }

    private void order(String customer, String at, String total, OrderStatus status) {
        orders.add(OrderFact.of(
                customer, Instant.parse(at), status, Money.parse(total, SAR).minor(), false));
    }

    private Simulation simulate(
            OfferDiscount discount, String minimum, String maximum, Integer usage, Integer perCustomer) {
        StoreFacts facts = new StoreFacts(
                RIYADH,
                SAR,
                List.of(
                        new CustomerFact("A", null, null, null, NOW),
                        new CustomerFact("B", null, null, null, NOW),
                        new CustomerFact("C", null, null, null, NOW),
                        new CustomerFact("D", null, null, null, NOW)),
                orders);
        OfferAudiences audiences = (store, target, columns) -> {
            BitSet qualifies = new BitSet();
            for (int row = 0; row < columns.rows(); row++) {
                if (reached.contains(columns.customerId(row))) {
                    qualifies.set(row);
                }
            }
            return new OfferAudiences.Audience(4, reached.size(), 0, 0, false, Set.of(), qualifies);
        };
        SimulateOffer simulator = new SimulateOffer(audiences, store -> facts, Clock.fixed(NOW, ZoneOffset.UTC));
        return simulator.simulate(
                STORE, new OfferTerms(EVERYONE, discount, money(minimum), money(maximum), usage, perCustomer, null));
    }

    private static Money money(String amount) {
        return amount == null ? null : Money.parse(amount, SAR);
    }

    private static OfferDiscount percent(String p) {
        return new OfferDiscount.PercentOff(new BigDecimal(p));
    }

    @Test
    void the_window_is_the_90_whole_days_before_today_in_the_store_zone_around_midnight() {
        order("A", "2024-03-17T20:50:00Z", "100.00"); // 17 March 23:50 Riyadh: before the window
        order("A", "2024-03-17T21:10:00Z", "100.00"); // 18 March 00:10 Riyadh: the first day
        order("B", "2024-06-15T20:59:00Z", "100.00"); // 15 June 23:59 Riyadh: the last day
        order("B", "2024-06-15T21:05:00Z", "100.00"); // 16 June 00:05 Riyadh: today, left out

        Simulation.Cost cost = simulate(percent("10"), null, null, null, null).cost();

        assertThat(cost.from()).isEqualTo(LocalDate.of(2024, 3, 18));
        assertThat(cost.until()).isEqualTo(LocalDate.of(2024, 6, 16));
        assertThat(cost.ordersInWindow()).isEqualTo(2);
        assertThat(cost.qualifyingOrders()).isEqualTo(2);
        assertThat(cost.discount()).isEqualTo(money("20.00"));
    }

    @Test
    void percentages_round_half_up_per_order_in_minor_units_and_only_counted_orders_of_reached_customers_count() {
        order("A", "2024-06-01T10:00:00Z", "0.10"); // 15% = 0.015 → 0.02
        order("A", "2024-06-02T10:00:00Z", "199.99"); // 59.997 → 60.00 at 30%; 29.9985 → 30.00 at 15%
        order("B", "2024-06-03T10:00:00Z", "500.00", OrderStatus.CANCELLED);
        order("D", "2024-06-03T10:00:00Z", "1000.00"); // not reached

        Simulation.Cost cost = simulate(percent("15"), null, null, null, null).cost();

        assertThat(cost.ordersInWindow()).isEqualTo(3);
        assertThat(cost.qualifyingOrders()).isEqualTo(2);
        assertThat(cost.qualifyingTotal()).isEqualTo(money("200.09"));
        assertThat(cost.discount()).isEqualTo(money("30.02"));
        assertThat(cost.costUnknownBecause()).isNull();
    }

    @Test
    void a_fixed_amount_needs_the_minimum_and_never_exceeds_the_order_and_a_cap_limits_a_percentage() {
        order("A", "2024-06-01T10:00:00Z", "150.00"); // below the minimum
        order("A", "2024-06-02T10:00:00Z", "200.00"); // the minimum is inclusive: 50.00
        order("B", "2024-06-02T10:00:00Z", "30.00");
        Simulation.Cost amount = simulate(new OfferDiscount.AmountOff(money("50.00")), "200.00", null, null, null)
                .cost();
        assertThat(amount.belowMinimum()).isEqualTo(2);
        assertThat(amount.qualifyingOrders()).isEqualTo(1);
        assertThat(amount.discount()).isEqualTo(money("50.00"));

        Simulation.Cost small = simulate(new OfferDiscount.AmountOff(money("50.00")), null, null, null, null)
                .cost();
        assertThat(small.discount()).isEqualTo(money("130.00")); // 50 + 50 + 30 (not more than the order)

        Simulation.Cost capped =
                simulate(percent("50"), null, "40.00", null, null).cost();
        assertThat(capped.discount()).isEqualTo(money("95.00")); // 40 + 40 + 15
    }

    @Test
    void the_per_customer_limit_takes_a_customers_earliest_orders_and_the_usage_limit_the_earliest_of_all() {
        order("A", "2024-06-01T10:00:00Z", "100.00");
        order("A", "2024-06-03T10:00:00Z", "200.00");
        order("A", "2024-06-05T10:00:00Z", "300.00");
        order("B", "2024-06-02T10:00:00Z", "40.00");
        order("C", "2024-06-04T10:00:00Z", "1000.00");

        Simulation.Cost perCustomer =
                simulate(percent("10"), null, null, null, 1).cost();
        assertThat(perCustomer.qualifyingOrders()).isEqualTo(3);
        assertThat(perCustomer.overCustomerLimit()).isEqualTo(2);
        assertThat(perCustomer.discount()).isEqualTo(money("114.00")); // 10 + 4 + 100

        Simulation.Cost usage = simulate(percent("10"), null, null, 3, null).cost();
        assertThat(usage.qualifyingOrders()).isEqualTo(3); // 1, 2 and 3 June
        assertThat(usage.overUsageLimit()).isEqualTo(2);
        assertThat(usage.qualifyingTotal()).isEqualTo(money("340.00"));
        assertThat(usage.discount()).isEqualTo(money("34.00"));
    }

    @Test
    void free_shipping_and_free_items_are_counted_but_their_cost_is_unknown() {
        order("A", "2024-06-01T10:00:00Z", "100.00");
        Simulation shipping = simulate(new OfferDiscount.FreeShipping(), null, null, null, null);
        assertThat(shipping.cost().qualifyingOrders()).isEqualTo(1);
        assertThat(shipping.cost().discount()).isNull();
        assertThat(shipping.cost().costUnknownBecause()).isEqualTo("shipping_not_recorded");
        assertThat(shipping.warnings()).contains(Simulation.Warning.COST_UNKNOWN);

        Simulation items = simulate(new OfferDiscount.FreeItems(), null, null, null, null);
        assertThat(items.cost().costUnknownBecause()).isEqualTo("order_lines_not_read");

        Simulation none = simulate(new OfferDiscount.NoDiscount(), null, null, null, null);
        assertThat(none.cost().costUnknownBecause()).isEqualTo("no_discount");
        assertThat(none.warnings()).doesNotContain(Simulation.Warning.COST_UNKNOWN);
    }

    @Test
    void a_bounded_validity_projects_the_cost_over_its_length_and_an_ended_one_is_said() {
        order("A", "2024-06-01T10:00:00Z", "900.00");
        StoreFacts facts = new StoreFacts(RIYADH, SAR, List.of(new CustomerFact("A", null, null, null, NOW)), orders);
        OfferAudiences everyone = (store, target, columns) -> {
            BitSet all = new BitSet();
            all.set(0, columns.rows());
            return new OfferAudiences.Audience(1, 1, 0, 0, false, Set.of(), all);
        };
        SimulateOffer simulator = new SimulateOffer(everyone, store -> facts, Clock.fixed(NOW, ZoneOffset.UTC));
        Validity thirtyDays =
                new Validity(Instant.parse("2024-07-01T00:00:00Z"), Instant.parse("2024-07-31T00:00:00Z"));
        Simulation ahead =
                simulator.simulate(STORE, new OfferTerms(EVERYONE, percent("10"), null, null, null, null, thirtyDays));
        assertThat(ahead.cost().discount()).isEqualTo(money("90.00"));
        assertThat(ahead.cost().validityDays()).isEqualTo(30L);
        assertThat(ahead.cost().projectedDiscount()).isEqualTo(money("30.00"));

        Validity past = new Validity(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-02-01T00:00:00Z"));
        assertThat(simulator
                        .simulate(STORE, new OfferTerms(EVERYONE, percent("10"), null, null, null, null, past))
                        .warnings())
                .contains(Simulation.Warning.ALREADY_ENDED);
    }

    @Test
    void shares_are_exact_to_one_decimal_and_amounts_in_another_currency_are_refused() {
        assertThat(SimulateOffer.share(1, 3)).isEqualByComparingTo("33.3");
        assertThat(SimulateOffer.share(2, 3)).isEqualByComparingTo("66.7");
        assertThat(SimulateOffer.share(0, 0)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> simulate(
                        new OfferDiscount.AmountOff(Money.parse("5.00", Currency.getInstance("USD"))),
                        null,
                        null,
                        null,
                        null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SAR");
    }

    @Test
    void pricing_in_minor_units_rounds_exactly_as_the_checkout_does() {
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < 20_000; i++) {
            BigDecimal p = BigDecimal.valueOf(1 + random.nextInt(100_000), random.nextInt(4))
                    .min(BigDecimal.valueOf(100));
            long base =
                    random.nextInt(3) == 0 ? random.nextInt(1_000) : Math.abs(random.nextLong() % 10_000_000_000_000L);
            OfferDiscount discount = new OfferDiscount.PercentOff(p);
            long cap = random.nextBoolean() ? Long.MAX_VALUE : random.nextInt(100_000);
            Money expected =
                    discount.on(Money.ofMinor(base, SAR), cap == Long.MAX_VALUE ? null : Money.ofMinor(cap, SAR));
            assertThat(discount.onMinor(base, cap, SAR))
                    .as("%s%% of %d", p, base)
                    .isEqualTo(expected.minor());
        }
        assertThat(new OfferDiscount.PercentOff(new BigDecimal("15")).onMinor(10, Long.MAX_VALUE, SAR))
                .isEqualTo(2);
        assertThat(new OfferDiscount.PercentOff(new BigDecimal("99.9999999999"))
                        .onMinor(Long.MAX_VALUE / 2, Long.MAX_VALUE, SAR))
                .isPositive(); // falls back to exact decimals
    }
}
