package io.basira.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class OccasionTest {

    @Test
    void white_friday_is_the_friday_after_the_fourth_thursday_of_november() {
        assertThat(Occasion.whiteFriday(2024)).isEqualTo(LocalDate.of(2024, 11, 29));
        assertThat(Occasion.whiteFriday(2025)).isEqualTo(LocalDate.of(2025, 11, 28));
        assertThat(Occasion.whiteFriday(2019)).isEqualTo(LocalDate.of(2019, 11, 29));
        assertThat(Occasion.on(LocalDate.of(2025, 11, 28))).isEqualTo(Occasion.WHITE_FRIDAY);
        assertThat(Occasion.on(LocalDate.of(2025, 11, 24))).isEqualTo(Occasion.WHITE_FRIDAY_WEEK);
    }

    @Test
    void ramadan_follows_the_saudi_dates_with_the_last_ten_days_apart() {
        assertThat(Occasion.on(LocalDate.of(2024, 3, 10))).isNotIn(Occasion.RAMADAN, Occasion.RAMADAN_LAST_TEN);
        assertThat(Occasion.on(LocalDate.of(2024, 3, 11))).isEqualTo(Occasion.RAMADAN);
        assertThat(Occasion.on(LocalDate.of(2024, 4, 9))).isEqualTo(Occasion.RAMADAN_LAST_TEN);
        assertThat(Occasion.on(LocalDate.of(2024, 4, 10))).isEqualTo(Occasion.NONE);
        assertThat(Occasion.on(LocalDate.of(2025, 3, 1))).isEqualTo(Occasion.RAMADAN);
        assertThat(Occasion.on(LocalDate.of(2025, 3, 29))).isEqualTo(Occasion.RAMADAN_LAST_TEN);
        assertThat(Occasion.on(LocalDate.of(2026, 2, 18))).isEqualTo(Occasion.RAMADAN);
        assertThat(Occasion.on(LocalDate.of(2026, 3, 19))).isEqualTo(Occasion.RAMADAN_LAST_TEN);
        assertThat(Occasion.on(LocalDate.of(2026, 3, 20))).isEqualTo(Occasion.NONE);
    }

    @Test
    void national_day_and_founding_day_are_marked() {
        assertThat(Occasion.on(LocalDate.of(2025, 9, 23))).isEqualTo(Occasion.NATIONAL_DAY);
        assertThat(Occasion.on(LocalDate.of(2025, 9, 24))).isEqualTo(Occasion.NONE);
        assertThat(Occasion.on(LocalDate.of(2025, 2, 22))).isEqualTo(Occasion.FOUNDING_DAY);
    }
}
