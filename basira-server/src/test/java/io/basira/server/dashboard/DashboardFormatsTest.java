package io.basira.server.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.shared.Store;
import io.basira.shared.StoreId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DashboardFormatsTest {

    private static final Store RIYADH =
            new Store(new StoreId(1), "s", "S", Currency.getInstance("SAR"), ZoneId.of("Asia/Riyadh"));
    /** 22:30 UTC on 1 March is already 2 March in Riyadh (UTC+3). */
    private static final Instant LATE_EVENING_UTC = Instant.parse("2024-03-01T22:30:00Z");

    private final DashboardFormats arabic = new DashboardFormats(DashboardLocales.ARABIC, RIYADH);
    private final DashboardFormats english = new DashboardFormats(Locale.ENGLISH, RIYADH);

    @Test
    void money_is_written_in_the_store_currency_with_its_decimals_and_latin_digits() {
        assertThat(arabic.money(123450)).contains("1,234.50").contains("ر.س");
        assertThat(english.money(123450)).isEqualTo("SAR1,234.50");
        assertThat(english.money(new BigDecimal("0.5"))).isEqualTo("SAR0.50");
    }

    @Test
    void a_currency_without_decimals_is_written_without_them() {
        Store yen = new Store(new StoreId(2), "j", "J", Currency.getInstance("JPY"), ZoneOffset.UTC);
        assertThat(new DashboardFormats(Locale.ENGLISH, yen).money(1500)).isEqualTo("¥1,500");
    }

    @Test
    void a_kpi_figure_may_break_between_the_currency_and_the_number_but_not_inside_it() {
        assertThat(arabic.figure(arabic.money(123_456_789))).isEqualTo("ر.س.\u200F 1,234,567.89");
        assertThat(english.figure(english.money(123_456_789))).isEqualTo("SAR\u200B1,234,567.89");
        assertThat(english.figure("12.5%")).isEqualTo("12.5%");
        assertThat(english.figure(null)).isEmpty();
    }

    @Test
    void dates_are_the_store_day_not_the_utc_day() {
        assertThat(english.date(LATE_EVENING_UTC)).isEqualTo("2 Mar 2024");
        assertThat(arabic.date(LATE_EVENING_UTC)).isEqualTo("2 مارس 2024");
        assertThat(english.dateTime(LATE_EVENING_UTC)).isEqualTo("2 Mar 2024, 01:30");
    }

    @Test
    void arabic_output_never_uses_arabic_indic_digits() {
        String all = arabic.money(9876543)
                + arabic.number(1234567)
                + arabic.percent(new BigDecimal("0.25"))
                + arabic.dateTime(LATE_EVENING_UTC)
                + arabic.month(java.time.YearMonth.of(2025, 11));
        assertThat(all.codePoints().filter(c -> c >= 0x0660 && c <= 0x0669 || c >= 0x06F0 && c <= 0x06F9))
                .isEmpty();
        assertThat(all).contains("98,765.43", "1,234,567", "25", "2024", "2025");
    }

    @Test
    void a_percentage_has_latin_digits_and_the_percent_sign_of_the_language() {
        assertThat(arabic.percentFigure("15")).isEqualTo("15٪");
        assertThat(arabic.percentFigure(new BigDecimal("12.5"))).isEqualTo("12.5٪");
        assertThat(english.percentFigure(15)).isEqualTo("15%");
        assertThat(english.percentFigure(null)).isEmpty();
    }

    @Test
    void absent_values_are_empty_text() {
        assertThat(english.date((Instant) null)).isEmpty();
        assertThat(english.number(null)).isEmpty();
        assertThat(english.percent(null)).isEmpty();
        assertThat(english.moneyText(null)).isEmpty();
    }

    @Test
    void only_arabic_and_english_are_served_and_arabic_is_the_default() {
        assertThat(DashboardLocales.supported(null)).isEqualTo(DashboardLocales.ARABIC);
        assertThat(DashboardLocales.supported(Locale.FRENCH)).isEqualTo(DashboardLocales.ARABIC);
        assertThat(DashboardLocales.supported(Locale.US)).isEqualTo(Locale.ENGLISH);
        assertThat(DashboardLocales.isRightToLeft(DashboardLocales.ARABIC)).isTrue();
        assertThat(DashboardLocales.isRightToLeft(Locale.ENGLISH)).isFalse();
    }
}
