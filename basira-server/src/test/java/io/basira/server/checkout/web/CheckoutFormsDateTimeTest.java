package io.basira.server.checkout.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basira.server.dashboard.FormValueException;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's date-and-time fields are typed text, year first (docs/dashboard.md, "Date fields are typed"): what
 * they read and how they show a stored instant.
 */
class CheckoutFormsDateTimeTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");

    private static String read(String typed) {
        return CheckoutForms.instant(Map.of("valid_from", new String[] {typed}), "valid_from", RIYADH);
    }

    @Test
    void a_typed_date_and_time_is_read_in_the_stores_zone_in_every_accepted_spelling() {
        assertThat(read("2026-03-01 09:00")).isEqualTo("2026-03-01T09:00+03:00");
        assertThat(read("2026-03-01T09:00")).as("the former datetime-local's").isEqualTo("2026-03-01T09:00+03:00");
        assertThat(read(" ٢٠٢٦-٠٣-٠١ ٠٩:٠٠ ")).isEqualTo("2026-03-01T09:00+03:00");
        assertThat(read("2026-03-01 09:00:30")).isEqualTo("2026-03-01T09:00:30+03:00");
        assertThat(read("2026-03-01")).as("a plain date: its start").isEqualTo("2026-03-01T00:00+03:00");
        assertThat(read("")).isNull();
    }

    @Test
    void what_is_not_a_date_and_time_is_refused_naming_the_field() {
        for (String bad : new String[] {"01/03/2026 09:00", "2026-13-01 09:00", "tomorrow", "2026-03-01 9"}) {
            assertThatThrownBy(() -> read(bad))
                    .as(bad)
                    .isInstanceOf(FormValueException.class)
                    .hasMessageContaining("valid_from");
        }
    }

    @Test
    void a_stored_instant_is_shown_year_first_in_the_stores_zone() {
        assertThat(CheckoutForms.local("2026-03-01T06:00:00Z", RIYADH)).isEqualTo("2026-03-01 09:00");
        assertThat(CheckoutForms.local(null, RIYADH)).isEmpty();
    }
}
