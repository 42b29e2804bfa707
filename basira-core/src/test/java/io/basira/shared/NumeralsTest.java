package io.basira.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NumeralsTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "15|15",
                "١٥|15",
                "۱۵|15",
                "١5|15",
                "+١٥|15",
                "-١٥|-15",
                "\u2212١٥|-15",
                "١٩٩٫٥٠|199.50",
                "199.50|199.50",
                "١٩٩.٥|199.5",
                "١٬٥٠٠|1500",
                "١٬٥٠٠٫٢٥|1500.25",
                "١،٢٣٤،٥٦٧|1234567",
                "12,|",
                ".5|0.5",
                "١٢.|12",
                "\u200F١٥\u200F|15",
                "' ٢٠ '|20",
            })
    void arabic_indic_and_persian_digits_and_arabic_separators_read_as_ascii(String text, String ascii) {
        assertThat(Numerals.toAscii(text)).isEqualTo(ascii);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "abc",
                "1e5",
                "1,500",
                "١،٥",
                "١٬٥",
                "١٬٥٠٠٠",
                "١٢٣٤٬٥٦٧",
                "1.5.5",
                "١٫٥٬٠٠٠",
                "--1",
                "+",
                ".",
                "1 500",
                "٪١٥",
                "0x10"
            })
    void anything_else_is_not_a_number(String text) {
        assertThat(Numerals.toAscii(text)).isNull();
    }

    @Test
    void a_decimal_keeps_the_written_scale_and_refusals_quote_the_text() {
        assertThat(Numerals.decimal("١٥٫٠٠")).isEqualTo(new BigDecimal("15.00"));
        assertThatThrownBy(() -> Numerals.decimal("١٥x")).hasMessage("'١٥x' is not a decimal number");
    }

    @Test
    void whole_numbers_are_within_bounds_and_have_no_fraction() {
        assertThat(Numerals.whole("٢٢", 0, 100)).isEqualTo(22L);
        assertThat(Numerals.whole("٢٢٫٥", 0, 100)).isNull();
        assertThat(Numerals.whole("١٠١", 0, 100)).isNull();
        assertThat(Numerals.whole("99999999999999999999", 0, Long.MAX_VALUE)).isNull();
    }

    @Test
    void money_reads_arabic_digits_in_the_currency() {
        assertThat(Money.parse("١٬٥٠٠٫٥٠", Currency.getInstance("SAR")))
                .isEqualTo(Money.ofMinor(150050, Currency.getInstance("SAR")));
        assertThatThrownBy(() -> Money.parse("١٫٥٠٥", Currency.getInstance("SAR")))
                .hasMessageContaining("more than 2 decimals");
    }

    @Test
    void ascii_digits_turns_arabic_indic_and_persian_digits_into_ascii_and_leaves_the_rest() {
        assertThat(Numerals.asciiDigits("٢٠٢٦-٠٣-٠١ ٠٩:٣٠")).isEqualTo("2026-03-01 09:30");
        assertThat(Numerals.asciiDigits("۱۴۰۲-۰۱-۰۱")).isEqualTo("1402-01-01");
        assertThat(Numerals.asciiDigits("2026-03-01")).isEqualTo("2026-03-01");
        assertThat(Numerals.asciiDigits("سنة")).isEqualTo("سنة");
        assertThat(Numerals.asciiDigits(null)).isNull();
    }
}
