package io.basira.checkout;

import static io.basira.checkout.InMemoryCheckout.cart;
import static io.basira.checkout.InMemoryCheckout.item;
import static io.basira.checkout.InMemoryCheckout.sar;
import static org.assertj.core.api.Assertions.assertThat;

import io.basira.checkout.CheckoutDecision.OfferedCarrier;
import io.basira.checkout.CheckoutDecision.Withheld;
import java.math.BigDecimal;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The merchant cases the product was seeded with (the templates of docs/rules.md, the policies of docs/checkout.md), with the groups
 * given directly: non-serious, VIP, happy, low-basket and high-value.
 */
class SeedCasesTest {

    private final InMemoryCheckout store = new InMemoryCheckout()
            .policy(
                    "No COD for non-serious",
                    EligibleGroups.anyOf("non-serious"),
                    new PolicyRule.HidePaymentMethods(Set.of("cod", "bank_transfer")))
            .policy("VIP ships free", EligibleGroups.anyOf("vip"), new PolicyRule.FreeShipping(null))
            .policy(
                    "More carriers for happy customers",
                    EligibleGroups.anyOf("happy"),
                    new PolicyRule.OfferCarriers(Set.of("spl", "same_day")))
            .policy(
                    "30% off for low-basket",
                    EligibleGroups.anyOf("low-basket"), new PolicyRule.PercentOff(new BigDecimal("30"), sar("300.00")))
            .coupon(new Coupon(
                    "HV100",
                    new CouponBenefit.AmountOff(sar("100.00")),
                    null,
                    null,
                    null,
                    null,
                    null,
                    EligibleGroups.anyOf("high-value")));

    @Test
    void a_non_serious_customer_is_offered_neither_cash_on_delivery_nor_bank_transfer() {
        store.customerIn("C1", "non-serious");
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "100.00")));
        assertThat(decision.paymentMethods())
                .doesNotContain("cod", "bank_transfer")
                .contains("mada", "credit_card");
        assertThat(decision.hiddenPaymentMethods()).extracting(Withheld::code).containsExactly("cod", "bank_transfer");
        assertThat(decision.hiddenPaymentMethods())
                .allSatisfy(w -> assertThat(w.because().policyName()).isEqualTo("No COD for non-serious"));
    }

    @Test
    void a_customer_in_no_group_is_offered_every_payment_method() {
        CheckoutDecision decision = store.decide(cart("C2", null, item("P1", 1, "100.00")));
        assertThat(decision.paymentMethods()).contains("cod", "bank_transfer");
        assertThat(decision.hiddenPaymentMethods()).isEmpty();
    }

    @Test
    void a_vip_customer_ships_free_and_says_why() {
        store.customerIn("C1", "vip");
        CheckoutDecision decision = store.decide(cart("C1", null, item("P1", 1, "100.00")));
        assertThat(decision.freeShipping().free()).isTrue();
        assertThat(decision.freeShipping().policies().get(0).policyName()).isEqualTo("VIP ships free");
        assertThat(decision.totals().shipping()).isEqualTo(sar("0.00"));
        assertThat(decision.totals().total()).isEqualTo(sar("100.00"));
    }

    @Test
    void a_customer_outside_vip_pays_shipping() {
        CheckoutDecision decision = store.decide(cart("C2", null, item("P1", 1, "100.00")));
        assertThat(decision.freeShipping().free()).isFalse();
        assertThat(decision.totals().total()).isEqualTo(sar("125.00"));
    }

    @Test
    void a_happy_customer_is_offered_more_carriers() {
        store.customerIn("C1", "happy");
        CheckoutDecision happy = store.decide(cart("C1", null, item("P1", 1, "100.00")));
        CheckoutDecision other = store.decide(cart("C2", null, item("P1", 1, "100.00")));
        assertThat(happy.carriers())
                .extracting(OfferedCarrier::code)
                .containsExactly("smsa", "aramex", "spl", "same_day");
        assertThat(happy.carriers().get(2).because().policyName()).isEqualTo("More carriers for happy customers");
        assertThat(other.carriers()).extracting(OfferedCarrier::code).containsExactly("smsa", "aramex");
    }

    @Test
    void a_low_basket_customer_gets_30_percent_off_above_the_threshold_only() {
        store.customerIn("C1", "low-basket");
        CheckoutDecision above = store.decide(cart("C1", null, item("P1", 2, "150.00")));
        assertThat(above.offers()).hasSize(1);
        assertThat(above.offers().get(0).amount()).isEqualTo(sar("90.00"));
        assertThat(above.totals().total()).isEqualTo(sar("235.00"));
        CheckoutDecision below = store.decide(cart("C1", null, item("P1", 1, "299.99")));
        assertThat(below.offers()).isEmpty();
    }

    @Test
    void the_high_value_coupon_is_valid_for_high_value_customers_only() {
        store.customerIn("C1", "high-value");
        CheckoutDecision highValue = store.decide(cart("C1", "hv100", item("P1", 1, "400.00")));
        assertThat(highValue.coupon().reason()).isEqualTo(CouponReason.VALID);
        assertThat(highValue.totals().couponDiscount()).isEqualTo(sar("100.00"));
        CheckoutDecision other = store.decide(cart("C2", "HV100", item("P1", 1, "400.00")));
        assertThat(other.coupon().reason()).isEqualTo(CouponReason.NOT_ELIGIBLE);
        assertThat(other.totals().couponDiscount()).isEqualTo(sar("0.00"));
        CheckoutDecision anonymous = store.decide(cart(null, "HV100", item("P1", 1, "400.00")));
        assertThat(anonymous.coupon().reason()).isEqualTo(CouponReason.NOT_ELIGIBLE);
    }
}
