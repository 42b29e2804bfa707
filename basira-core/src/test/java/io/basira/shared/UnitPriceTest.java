package io.basira.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.commerce.OrderLine;
import io.basira.commerce.Product;
import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;

class UnitPriceTest {

    private static final Currency SAR = Currency.getInstance("SAR");
    private static final Currency KWD = Currency.getInstance("KWD");
    private static final Currency JPY = Currency.getInstance("JPY");

    private static UnitPrice sar(String amount) {
        return new UnitPrice(new BigDecimal(amount), SAR);
    }

    @Test
    void a_thousandth_of_a_riyal_times_1500_pieces_is_exactly_one_riyal_fifty() {
        OrderLine line = OrderLine.priced("O-1", "BOLT", 1500, sar("0.001"));

        assertThat(line.lineTotal()).isEqualTo(Money.ofMinor(150, SAR));
        assertThat(line.price().toPlainString()).isEqualTo("0.001");
        assertThat(line.exactUnitPrice()).isEqualTo(sar("0.001"));
        assertThat(line.unitPrice()).isEqualTo(Money.ofMinor(0, SAR));
    }

    @Test
    void a_line_total_is_rounded_once_half_up_to_minor_units() {
        assertThat(sar("0.125").times(1)).isEqualTo(Money.ofMinor(13, SAR));
        assertThat(sar("0.124999").times(1)).isEqualTo(Money.ofMinor(12, SAR));
        assertThat(sar("0.0005").times(3)).isEqualTo(Money.ofMinor(0, SAR));
        assertThat(sar("0.0005").times(10)).isEqualTo(Money.ofMinor(1, SAR));
        assertThat(new UnitPrice(new BigDecimal("0.0005"), KWD).times(3)).isEqualTo(Money.ofMinor(2, KWD));
        assertThat(new UnitPrice(new BigDecimal("0.5"), JPY).times(1)).isEqualTo(Money.ofMinor(1, JPY));
    }

    @Test
    void a_price_that_fits_minor_units_is_a_plain_money_price_as_before() {
        OrderLine priced = OrderLine.priced("O-1", "P-1", 2, sar("45.000"));

        assertThat(priced).isEqualTo(new OrderLine("O-1", "P-1", 2, Money.ofMinor(4_500, SAR)));
        assertThat(priced.exactUnitPrice()).isNull();
        assertThat(priced.lineTotal()).isEqualTo(Money.ofMinor(9_000, SAR));
        assertThat(Product.priced("P-1", null, null, sar("45")))
                .isEqualTo(new Product("P-1", null, null, Money.ofMinor(4_500, SAR)));
        assertThat(Product.priced("P-1", null, null, null).price()).isNull();
    }

    @Test
    void prices_are_normalised_so_equal_amounts_are_equal_prices() {
        assertThat(sar("0.0010")).isEqualTo(sar("0.001"));
        assertThat(sar("12.5").toPlainString()).isEqualTo("12.50");
        assertThat(sar("0").toPlainString()).isEqualTo("0.00");
        assertThat(sar("0.001").finerThanMinorUnits()).isTrue();
        assertThat(sar("0.010").finerThanMinorUnits()).isFalse();
    }

    @Test
    void more_than_six_decimals_or_a_negative_price_is_refused() {
        assertThatThrownBy(() -> sar("0.0000001")).hasMessage("'0.0000001' has more than 6 decimals");
        assertThatThrownBy(() -> sar("-0.001")).hasMessageContaining("is negative");
    }

    @Test
    void a_line_whose_rounded_price_disagrees_with_its_exact_price_is_refused() {
        assertThatThrownBy(() -> new OrderLine("O-1", "P-1", 1, Money.ofMinor(5, SAR), sar("0.001")))
                .hasMessageContaining("is not 0.001 rounded");
        assertThatThrownBy(() -> new OrderLine("O-1", "P-1", 1, Money.ofMinor(100, SAR), sar("1.00")))
                .hasMessageContaining("rounded");
    }
}
