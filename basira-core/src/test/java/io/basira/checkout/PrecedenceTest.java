package io.basira.checkout;

import static io.basira.checkout.InMemoryCheckout.cart;
import static io.basira.checkout.InMemoryCheckout.item;
import static io.basira.checkout.InMemoryCheckout.sar;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.CheckoutDecision.AppliedOffer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which offers stack, how the coupon combines with them, rounding, and totals that never go negative. */
class PrecedenceTest {

    private final InMemoryCheckout store = new InMemoryCheckout();

    @Test
    void only_the_largest_cart_offer_applies() {
        store.policy("10% off", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("10"), null))
                .policy("50 off", EligibleGroups.everyone(), new PolicyRule.AmountOff(sar("50.00"), null))
                .policy("5% off", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("5"), null));
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "400.00")));
        assertThat(decision.offers()).extracting(o -> o.policy().policyName()).containsExactly("50 off");
        CheckoutDecision bigger = store.decide(cart("C1", null, item("P1", 1, "600.00")));
        assertThat(bigger.offers()).extracting(AppliedOffer::amount).containsExactly(sar("60.00"));
    }

    @Test
    void equal_cart_offers_go_to_the_policy_listed_first() {
        store.policy("first", EligibleGroups.everyone(), new PolicyRule.AmountOff(sar("10.00"), null))
                .policy("second", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("10"), null));
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "100.00")));
        assertThat(decision.offers()).extracting(o -> o.policy().policyName()).containsExactly("first");
    }

    @Test
    void buy_x_get_y_stacks_with_a_cart_offer_which_applies_to_what_is_left() {
        store.policy("buy 2 get 1", EligibleGroups.everyone(), new PolicyRule.BuyXGetY(2, 1, Set.of("TEA")))
                .policy("10% off", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("10"), null));
        CheckoutDecision decision = store.decide(cart("C1", null, item("TEA", 7, "20.00"), item("CUP", 1, "60.00")));
        // 7 teas: two groups of 3, so 2 free = 40.00; then 10% of (200.00 - 40.00) = 16.00
        assertThat(decision.offers()).extracting(AppliedOffer::amount).containsExactly(sar("40.00"), sar("16.00"));
        assertThat(decision.totals().total()).isEqualTo(sar("169.00"));
    }

    @Test
    void the_coupon_applies_after_the_offers_and_its_minimum_reads_the_subtotal_before_them() {
        store.policy("30% off", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("30"), null))
                .coupon(new Coupon(
                        "TEN",
                        new CouponBenefit.PercentOff(new BigDecimal("10")),
                        sar("300.00"),
                        null,
                        null,
                        null,
                        null,
                        null));
        CheckoutDecision decision = store.decide(cart("C1", "TEN", item("P1", 1, "300.00")));
        assertThat(decision.coupon().valid()).isTrue();
        assertThat(decision.totals().offersDiscount()).isEqualTo(sar("90.00"));
        assertThat(decision.totals().couponDiscount()).isEqualTo(sar("21.00"));
        assertThat(decision.totals().total()).isEqualTo(sar("214.00"));
    }

    @Test
    void percentages_round_half_up_to_the_halala() {
        store.policy("15% off", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("15"), null));
        // 15% of 0.10 = 0.015 -> 0.02 ; 15% of 0.03 = 0.0045 -> 0.00
        assertThat(store.decide(cart("C1", null, item("P1", 1, "0.10")))
                        .totals()
                        .offersDiscount())
                .isEqualTo(sar("0.02"));
        assertThat(store.decide(cart("C1", null, item("P1", 1, "0.03"))).offers())
                .isEmpty();
    }

    @Test
    void a_coupon_never_takes_more_than_its_maximum_or_what_is_left() {
        store.coupon(new Coupon(
                        "HALF",
                        new CouponBenefit.PercentOff(new BigDecimal("50")),
                        null,
                        sar("40.00"),
                        null,
                        null,
                        null,
                        null))
                .coupon(new Coupon(
                        "BIG", new CouponBenefit.AmountOff(sar("500.00")), null, null, null, null, null, null));
        assertThat(store.decide(cart("C1", "HALF", item("P1", 1, "200.00")))
                        .totals()
                        .couponDiscount())
                .isEqualTo(sar("40.00"));
        CheckoutDecision big = store.decide(cart("C1", "BIG", item("P1", 1, "120.00")));
        assertThat(big.totals().couponDiscount()).isEqualTo(sar("120.00"));
        assertThat(big.totals().total()).isEqualTo(sar("25.00"));
    }

    @Test
    void a_free_shipping_coupon_zeroes_shipping_and_gives_no_item_discount() {
        store.coupon(new Coupon("SHIP", new CouponBenefit.FreeShipping(), null, null, null, null, null, null));
        CheckoutDecision decision = store.decide(cart("C1", "ship", item("P1", 1, "80.00")));
        assertThat(decision.freeShipping().free()).isTrue();
        assertThat(decision.freeShipping().coupon()).isEqualTo("SHIP");
        assertThat(decision.totals().total()).isEqualTo(sar("80.00"));
    }

    @Test
    void free_shipping_above_a_total_needs_that_total_inclusive() {
        store.policy("free above 200", EligibleGroups.everyone(), new PolicyRule.FreeShipping(sar("200.00")));
        assertThat(store.decide(cart("C1", null, item("P1", 1, "200.00")))
                        .freeShipping()
                        .free())
                .isTrue();
        assertThat(store.decide(cart("C1", null, item("P1", 1, "199.99")))
                        .freeShipping()
                        .free())
                .isFalse();
    }

    @Test
    void a_policy_applies_from_its_start_inclusive_to_its_end_exclusive() {
        Instant now = InMemoryCheckout.NOW;
        store.policy(
                        "starts now",
                        EligibleGroups.everyone(),
                        new Validity(now, null),
                        new PolicyRule.FreeShipping(null))
                .policy(
                        "ended now",
                        EligibleGroups.everyone(),
                        new Validity(null, now),
                        new PolicyRule.HidePaymentMethods(Set.of("cod")));
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "10.00")));
        assertThat(decision.freeShipping().free()).isTrue();
        assertThat(decision.paymentMethods()).contains("cod");
    }

    @Test
    void none_of_excludes_customers_of_a_group() {
        store.customerIn("C1", "staff")
                .customerIn("C2", "vip")
                .policy(
                        "no cod except staff",
                        EligibleGroups.noneOf("staff"),
                        new PolicyRule.HidePaymentMethods(Set.of("cod")));
        assertThat(store.decide(cart("C1", null, item("P1", 1, "10.00"))).paymentMethods())
                .contains("cod");
        assertThat(store.decide(cart("C2", null, item("P1", 1, "10.00"))).paymentMethods())
                .doesNotContain("cod");
        assertThat(store.decide(cart(null, null, item("P1", 1, "10.00"))).paymentMethods())
                .doesNotContain("cod");
    }

    @Test
    void hiding_a_carrier_wins_over_offering_it() {
        store.customerIn("C1", "happy", "far")
                .policy(
                        "more carriers",
                        EligibleGroups.anyOf("happy"),
                        new PolicyRule.OfferCarriers(Set.of("same_day")))
                .policy(
                        "no same day far away",
                        EligibleGroups.anyOf("far"),
                        new PolicyRule.HideCarriers(Set.of("same_day")));
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "10.00")));
        assertThat(decision.carriers()).extracting(c -> c.code()).containsExactly("smsa", "aramex");
        assertThat(decision.hiddenCarriers()).anySatisfy(w -> {
            assertThat(w.code()).isEqualTo("same_day");
            assertThat(w.because().policyName()).isEqualTo("no same day far away");
        });
    }

    @Test
    void totals_add_up_and_never_go_negative_on_random_carts() {
        long seed = Long.getLong("basira.seed", 20261123L);
        Random random = new Random(seed);
        store.policy("b1g1", EligibleGroups.everyone(), new PolicyRule.BuyXGetY(1, 1, Set.of()))
                .policy("pct", EligibleGroups.everyone(), new PolicyRule.PercentOff(new BigDecimal("33.3"), null))
                .policy("amt", EligibleGroups.everyone(), new PolicyRule.AmountOff(sar("75.00"), sar("10.00")))
                .coupon(new Coupon("X", new CouponBenefit.AmountOff(sar("90.00")), null, null, null, null, null, null));
        for (int run = 0; run < 500; run++) {
            CartItem[] items = new CartItem[1 + random.nextInt(4)];
            for (int i = 0; i < items.length; i++) {
                items[i] = new CartItem(
                        "P" + i,
                        1 + random.nextInt(5),
                        sar(random.nextInt(20_000) / 100 + "." + String.format("%02d", random.nextInt(100))));
            }
            CheckoutDecision.Totals t = store.decide(cart("C1", "X", items)).totals();
            assertThat(t.total().isNegative()).as("seed %d", seed).isFalse();
            assertThat(t.discount().compareTo(t.subtotal())).as("seed %d", seed).isLessThanOrEqualTo(0);
            assertThat(t.subtotal().minus(t.discount()).plus(t.shipping()))
                    .as("seed %d", seed)
                    .isEqualTo(t.total());
        }
    }
}
