package io.basira.checkout;

import static io.basira.checkout.InMemoryCheckout.NOW;
import static io.basira.checkout.InMemoryCheckout.cart;
import static io.basira.checkout.InMemoryCheckout.item;
import static io.basira.checkout.InMemoryCheckout.sar;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Every reason code of a coupon verdict, and the order in which they are checked. */
class CouponVerdictTest {

    private final InMemoryCheckout store = new InMemoryCheckout();

    private static Coupon coupon(
            String code, Validity validity, Integer limit, Integer perCustomer, EligibleGroups who) {
        return new Coupon(
                code,
                new CouponBenefit.AmountOff(sar("10.00")),
                sar("100.00"),
                null,
                validity,
                limit,
                perCustomer,
                who);
    }

    private CouponReason reason(String customer, String code, String price) {
        return store.decide(cart(customer, code, item("P1", 1, price))).coupon().reason();
    }

    @Test
    void each_reason_code() {
        store.customerIn("C1", "vip")
                .coupon(coupon("OK", null, null, null, null))
                .coupon(coupon("LATER", new Validity(NOW.plus(Duration.ofSeconds(1)), null), null, null, null))
                .coupon(coupon("OVER", new Validity(null, NOW), null, null, null))
                .coupon(coupon("VIPONLY", null, null, null, EligibleGroups.anyOf("vip")))
                .coupon(coupon("LIMITED", null, 5, null, null))
                .coupon(coupon("ONCE", null, null, 1, null));
        store.used.put("LIMITED", 5);
        store.usedByCustomer.put("ONCE/C1", 1);
        assertThat(reason("C1", "ok", "100.00")).isEqualTo(CouponReason.VALID);
        assertThat(reason("C1", "NOPE", "100.00")).isEqualTo(CouponReason.NOT_FOUND);
        assertThat(reason("C1", "LATER", "100.00")).isEqualTo(CouponReason.NOT_STARTED);
        assertThat(reason("C1", "OVER", "100.00")).isEqualTo(CouponReason.EXPIRED);
        assertThat(reason("C2", "VIPONLY", "100.00")).isEqualTo(CouponReason.NOT_ELIGIBLE);
        assertThat(reason("C1", "OK", "99.99")).isEqualTo(CouponReason.MIN_TOTAL_NOT_MET);
        assertThat(reason("C1", "LIMITED", "100.00")).isEqualTo(CouponReason.USAGE_LIMIT_REACHED);
        assertThat(reason("C1", "ONCE", "100.00")).isEqualTo(CouponReason.ALREADY_USED);
        assertThat(reason("C2", "ONCE", "100.00")).isEqualTo(CouponReason.VALID);
    }

    @Test
    void an_expired_coupon_is_expired_before_it_is_not_eligible_or_too_small() {
        store.coupon(coupon("OLD", new Validity(null, NOW), 1, 1, EligibleGroups.anyOf("vip")));
        store.used.put("OLD", 1);
        assertThat(reason("C2", "OLD", "1.00")).isEqualTo(CouponReason.EXPIRED);
    }

    @Test
    void an_invalid_coupon_gives_nothing() {
        store.coupon(coupon("VIPONLY", null, null, null, EligibleGroups.anyOf("vip")));
        CheckoutDecision decision = store.decide(cart("C2", "VIPONLY", item("P1", 1, "100.00")));
        assertThat(decision.totals().couponDiscount()).isEqualTo(sar("0.00"));
        assertThat(decision.totals().total()).isEqualTo(sar("125.00"));
    }

    @Test
    void without_a_code_there_is_no_verdict() {
        assertThat(store.decide(cart("C1", " ", item("P1", 1, "100.00"))).coupon())
                .isNull();
    }

    @Test
    void bad_terms_are_refused_with_what_is_wrong() {
        assertThatThrownBy(() -> coupon("X", null, 0, null, null)).hasMessageContaining("usage_limit 0");
        assertThatThrownBy(() ->
                        new Coupon("has space", new CouponBenefit.FreeShipping(), null, null, null, null, null, null))
                .hasMessageContaining("coupon code");
        assertThatThrownBy(() -> new Validity(NOW, NOW)).hasMessageContaining("ends");
        assertThatThrownBy(() -> new CouponBenefit.PercentOff(new java.math.BigDecimal("120")))
                .hasMessageContaining("at most 100");
    }
}
