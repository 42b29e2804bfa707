package io.basira.checkout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.shared.Money;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkout's values refuse what would overflow or not fit, naming the field (issue 9, item 8). */
class CheckoutLimitsTest {

    private static final Currency SAR = Currency.getInstance("SAR");
    private static final Money LARGEST_PRICE = Money.ofMinor(99_999_999_999_999L, SAR); // 999999999999.99

    @Test
    void a_line_whose_quantity_times_price_overflows_is_refused() {
        assertThatThrownBy(() -> new CartItem("P1", Integer.MAX_VALUE, LARGEST_PRICE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("quantity 2147483647 × unit_price 999999999999.99 is more than the largest amount Basira"
                        + " counts (92233720368547758.07)");
    }

    @Test
    void a_cart_whose_total_overflows_is_refused_at_the_line_that_overflows() {
        CartItem big = new CartItem("P1", 50_000, LARGEST_PRICE);
        assertThatThrownBy(() -> new CheckoutRequest(null, List.of(big, big), null, Money.zero(SAR), null))
                .hasMessage("items[1]: the cart's total up to this line is more than the largest amount Basira counts"
                        + " (92233720368547758.07)");
        assertThatThrownBy(() -> new CheckoutRequest(
                        null,
                        List.of(new CartItem("P1", 90_000, LARGEST_PRICE)),
                        null,
                        Money.ofMinor(Long.MAX_VALUE, SAR),
                        null))
                .hasMessageStartingWith("items[0]: the cart's total");
    }

    @Test
    void buy_and_get_at_their_largest_free_nothing_instead_of_overflowing() {
        PolicyRule.BuyXGetY offer = new PolicyRule.BuyXGetY(Integer.MAX_VALUE, Integer.MAX_VALUE, Set.of());
        assertThat(Offers.freeUnits(offer, new CartItem("P1", Integer.MAX_VALUE, Money.ofMinor(1, SAR))))
                .isEqualTo(Money.zero(SAR));
        PolicyRule.BuyXGetY oneFree = new PolicyRule.BuyXGetY(1, 1, Set.of());
        assertThat(Offers.freeUnits(oneFree, new CartItem("P1", 90_000, LARGEST_PRICE)))
                .isEqualTo(Money.ofMinor(45_000L * 99_999_999_999_999L, SAR));
    }

    @Test
    void text_and_dates_of_policies_and_coupons_follow_the_shared_rules() {
        assertThatThrownBy(() -> new Policy(
                        "1", "n".repeat(201), EligibleGroups.everyone(), null, new PolicyRule.FreeShipping(null)))
                .hasMessage("name is longer than 200 characters (it has 201)");
        assertThatThrownBy(() -> EligibleGroups.anyOf("vip\u0000"))
                .hasMessage("groups.any_of contains the control character U+0000 at character 4");
        assertThatThrownBy(() -> new PolicyRule.BuyXGetY(1, 1, Set.of("PGS\uD800X")))
                .hasMessage("products contains an unpaired surrogate U+D800 at character 4 (not valid Unicode)");
        assertThatThrownBy(() -> new Validity(Instant.parse("+999999999-12-31T23:59:59Z"), null))
                .hasMessageStartingWith("validity start '+999999999-12-31T23:59:59Z' is outside the accepted dates");
        assertThatThrownBy(() -> new CheckoutRequest(
                        "C\u0000", List.of(new CartItem("P1", 1, LARGEST_PRICE)), null, Money.zero(SAR), null))
                .hasMessage("customer_id contains the control character U+0000 at character 2");
    }
}
