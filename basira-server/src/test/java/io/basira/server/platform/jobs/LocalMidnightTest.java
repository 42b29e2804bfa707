package io.basira.server.platform.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class LocalMidnightTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    private static Instant at(String instant) {
        return Instant.parse(instant);
    }

    @Test
    void riyadh_has_no_daylight_saving_so_midnight_is_always_21_00_utc() {
        assertThat(LocalMidnight.after(at("2024-03-30T12:00:00Z"), RIYADH)).isEqualTo(at("2024-03-30T21:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-10-27T12:00:00Z"), RIYADH)).isEqualTo(at("2024-10-27T21:00:00Z"));
    }

    @Test
    void london_midnight_moves_an_hour_earlier_in_utc_after_the_clocks_go_forward() {
        // clocks go forward at 01:00 UTC on 2024-03-31: that day has 23 hours
        assertThat(LocalMidnight.after(at("2024-03-30T12:00:00Z"), LONDON)).isEqualTo(at("2024-03-31T00:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-03-31T00:00:00Z"), LONDON)).isEqualTo(at("2024-03-31T23:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-03-31T23:00:00Z"), LONDON)).isEqualTo(at("2024-04-01T23:00:00Z"));
    }

    @Test
    void london_midnight_moves_back_to_utc_midnight_after_the_clocks_go_back() {
        // clocks go back at 01:00 UTC on 2024-10-27: that day has 25 hours
        assertThat(LocalMidnight.after(at("2024-10-26T12:00:00Z"), LONDON)).isEqualTo(at("2024-10-26T23:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-10-26T23:00:00Z"), LONDON)).isEqualTo(at("2024-10-28T00:00:00Z"));
    }

    @Test
    void new_york_midnight_follows_the_american_dates_of_daylight_saving() {
        // 2024-03-10 02:00 local jumps to 03:00; 2024-11-03 02:00 local falls back to 01:00
        assertThat(LocalMidnight.after(at("2024-03-09T12:00:00Z"), NEW_YORK)).isEqualTo(at("2024-03-10T05:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-03-10T05:00:00Z"), NEW_YORK)).isEqualTo(at("2024-03-11T04:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-11-02T12:00:00Z"), NEW_YORK)).isEqualTo(at("2024-11-03T04:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-11-03T04:00:00Z"), NEW_YORK)).isEqualTo(at("2024-11-04T05:00:00Z"));
    }

    @Test
    void a_midnight_that_does_not_exist_resolves_to_the_first_time_of_that_day() {
        // Chile moved its clocks from 00:00 to 01:00 on 2024-09-08: that day starts at 01:00 (-03:00)
        ZoneId santiago = ZoneId.of("America/Santiago");
        assertThat(LocalMidnight.after(at("2024-09-07T12:00:00Z"), santiago)).isEqualTo(at("2024-09-08T04:00:00Z"));
    }

    @Test
    void the_next_midnight_is_strictly_later_even_at_midnight_itself() {
        assertThat(LocalMidnight.after(at("2024-06-01T21:00:00Z"), RIYADH)).isEqualTo(at("2024-06-02T21:00:00Z"));
        assertThat(LocalMidnight.after(at("2024-06-01T20:59:59.999Z"), RIYADH)).isEqualTo(at("2024-06-01T21:00:00Z"));
    }
}
