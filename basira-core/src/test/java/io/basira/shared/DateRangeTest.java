package io.basira.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final String OUTSIDE = "is outside the accepted dates 1900-01-01 to 2199-12-31";
    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    @Test
    void dates_from_1900_to_2199_inclusive_are_accepted() {
        assertThat(DateRange.problem(LocalDate.of(1900, 1, 1))).isNull();
        assertThat(DateRange.problem(LocalDate.of(2199, 12, 31))).isNull();
        assertThat(DateRange.problem(LocalDate.of(1899, 12, 31))).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(LocalDate.of(2200, 1, 1))).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(LocalDate.of(-9999, 1, 1))).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(LocalDate.MAX)).isEqualTo(OUTSIDE);
    }

    @Test
    void in_a_store_zone_an_instant_is_accepted_when_its_local_date_is() {
        assertThat(DateRange.problem(Instant.parse("1899-12-31T21:00:00Z"), RIYADH))
                .isNull(); // 1900-01-01 00:00 Riyadh
        assertThat(DateRange.problem(Instant.parse("1899-12-31T20:00:00Z"), RIYADH))
                .isEqualTo(OUTSIDE); // Riyadh was +03:06:52 then
        assertThat(DateRange.problem(Instant.parse("2199-12-31T20:59:59Z"), RIYADH))
                .isNull();
        assertThat(DateRange.problem(Instant.parse("2199-12-31T21:00:00Z"), RIYADH))
                .isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(Instant.MAX, RIYADH)).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(Instant.MIN, RIYADH)).isEqualTo(OUTSIDE);
    }

    @Test
    void without_a_zone_an_instant_is_accepted_when_some_offset_puts_it_on_an_accepted_day() {
        assertThat(DateRange.EARLIEST_INSTANT).isEqualTo(Instant.parse("1899-12-31T06:00:00Z"));
        assertThat(DateRange.LATEST_INSTANT).isEqualTo(Instant.parse("2200-01-01T17:59:59.999999999Z"));
        assertThat(DateRange.problem(DateRange.EARLIEST_INSTANT)).isNull();
        assertThat(DateRange.problem(DateRange.EARLIEST_INSTANT.minusNanos(1))).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(DateRange.LATEST_INSTANT.plusNanos(1))).isEqualTo(OUTSIDE);
        assertThat(DateRange.problem(Instant.parse("+999999999-12-31T23:59:59Z")))
                .isEqualTo(OUTSIDE);
    }

    @Test
    void require_names_the_field_and_the_value() {
        assertThatThrownBy(() -> DateRange.require(LocalDate.of(-9999, 1, 1), "birth_date"))
                .hasMessage("birth_date '-9999-01-01' " + OUTSIDE);
        assertThat(DateRange.require((LocalDate) null, "birth_date")).isNull();
    }
}
