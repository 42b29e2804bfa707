package io.basira.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class QuietHoursTest {

    private static final ZoneId RIYADH = ZoneId.of("Asia/Riyadh");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void theEveningWaitsForTomorrowMorning() {
        // 22:30 in Riyadh (UTC+3) is 19:30 UTC
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-12-06T19:30:00Z"), RIYADH))
                .contains(Instant.parse("2026-12-07T05:00:00Z"));
    }

    @Test
    void theSmallHoursWaitForThisMorning() {
        // 03:00 in Riyadh
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-12-07T00:00:00Z"), RIYADH))
                .contains(Instant.parse("2026-12-07T05:00:00Z"));
    }

    @Test
    void theDayGoesNowAndTheEdgesAreHalfOpen() {
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-12-07T09:00:00Z"), RIYADH))
                .isEmpty();
        // 08:00 exactly is allowed, 21:00 exactly is quiet
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-12-07T05:00:00Z"), RIYADH))
                .isEmpty();
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-12-07T18:00:00Z"), RIYADH))
                .isPresent();
    }

    @Test
    void theStoresZoneDecidesNotUtc() {
        Instant at = Instant.parse("2026-12-07T19:00:00Z"); // 22:00 Riyadh, 20:00 Berlin, 19:00 UTC
        assertThat(QuietHours.DEFAULT.waitUntil(at, RIYADH)).isPresent();
        assertThat(QuietHours.DEFAULT.waitUntil(at, BERLIN)).isEmpty();
    }

    @Test
    void aNightWithTheSpringChangeEndsAtLocalEight() {
        // Berlin: 2026-03-29 02:00 → 03:00. 23:00 on the 28th (UTC+1) waits until 08:00 on the 29th (UTC+2)
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-03-28T22:00:00Z"), BERLIN))
                .contains(Instant.parse("2026-03-29T06:00:00Z"));
        // autumn: 2026-10-25 03:00 → 02:00; 08:00 is UTC+1
        assertThat(QuietHours.DEFAULT.waitUntil(Instant.parse("2026-10-24T20:00:00Z"), BERLIN))
                .contains(Instant.parse("2026-10-25T07:00:00Z"));
    }

    @Test
    void anEndInsideTheSkippedHourMovesPastTheGap() {
        QuietHours night = new QuietHours(LocalTime.of(23, 0), LocalTime.of(2, 30));
        // 2:30 does not exist in Berlin on 2026-03-29: the wait ends at 03:30 CEST (01:30 UTC)
        assertThat(night.waitUntil(Instant.parse("2026-03-28T22:30:00Z"), BERLIN))
                .contains(Instant.parse("2026-03-29T01:30:00Z"));
    }

    @Test
    void aSameDayWindowAndNoWindow() {
        QuietHours lunch = new QuietHours(LocalTime.of(12, 0), LocalTime.of(13, 0));
        assertThat(lunch.waitUntil(Instant.parse("2026-12-07T09:15:00Z"), RIYADH))
                .contains(Instant.parse("2026-12-07T10:00:00Z"));
        assertThat(lunch.waitUntil(Instant.parse("2026-12-07T11:15:00Z"), RIYADH))
                .isEmpty();
        assertThat(QuietHours.NONE.waitUntil(Instant.parse("2026-12-07T00:00:00Z"), RIYADH))
                .isEmpty();
    }
}
