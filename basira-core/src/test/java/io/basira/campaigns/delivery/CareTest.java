package io.basira.campaigns.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.campaigns.Channel;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.SendOutcome.DeferReason;
import io.basira.campaigns.SendOutcome.SuppressReason;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class CareTest {

    private static final Instant NOON = Instant.parse("2026-12-07T09:00:00Z"); // 12:00 Riyadh
    private final Care care = new Care(QuietHours.DEFAULT, FrequencyCaps.DEFAULT, ZoneId.of("Asia/Riyadh"));
    private final Contact sara = new Contact("c1", false, "Sara", "sara@example.com", "0501234567", "ar");
    private final Consent granted =
            new Consent(Channel.EMAIL, Purpose.MARKETING, true, "dashboard", NOON.minusSeconds(60));

    @Test
    void marketingNeedsConsentTransactionalDoesNot() {
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, null, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.NO_CONSENT));
        assertThat(care.check(Channel.EMAIL, Purpose.TRANSACTIONAL, sara, true, null, null, NOON))
                .isEmpty();
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, granted, null, NOON))
                .isEmpty();
    }

    @Test
    void anUnsubscribeIsNamedAsSuch() {
        Consent link = new Consent(Channel.EMAIL, Purpose.MARKETING, false, "unsubscribe-link", NOON);
        Consent api = new Consent(Channel.EMAIL, Purpose.MARKETING, false, "api", NOON);
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, link, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.UNSUBSCRIBED));
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, api, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.NO_CONSENT));
    }

    @Test
    void erasedNoAddressAndNotConfiguredComeFirst() {
        assertThat(care.check(Channel.EMAIL, Purpose.TRANSACTIONAL, Contact.erased("c1"), true, granted, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.ERASED));
        Contact noMail = new Contact("c1", false, "Sara", null, "abc", null);
        assertThat(care.check(Channel.EMAIL, Purpose.TRANSACTIONAL, noMail, true, null, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.NO_ADDRESS));
        assertThat(care.check(Channel.SMS, Purpose.TRANSACTIONAL, noMail, true, null, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.NO_ADDRESS));
        assertThat(care.check(Channel.EMAIL, Purpose.TRANSACTIONAL, sara, false, null, null, NOON))
                .contains(new SendOutcome.Suppressed(SuppressReason.CHANNEL_NOT_CONFIGURED));
    }

    @Test
    void theCapDefersUntilItFrees() {
        Instant last = NOON.minus(Duration.ofHours(10));
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, granted, last, NOON))
                .contains(new SendOutcome.Deferred(last.plus(Duration.ofHours(16)), DeferReason.FREQUENCY_CAP));
        assertThat(care.check(
                        Channel.EMAIL, Purpose.MARKETING, sara, true, granted, NOON.minus(Duration.ofHours(17)), NOON))
                .isEmpty();
        // transactional messages are neither capped nor quiet
        assertThat(care.check(
                        Channel.EMAIL,
                        Purpose.TRANSACTIONAL,
                        sara,
                        true,
                        null,
                        last,
                        Instant.parse("2026-12-07T20:00:00Z")))
                .isEmpty();
    }

    @Test
    void aCapFreeingAtNightWaitsForTheMorning() {
        // last at 09:00 Riyadh; the cap frees at 01:00 next night, inside the quiet hours → 08:00
        Instant last = Instant.parse("2026-12-07T06:00:00Z");
        assertThat(care.check(Channel.EMAIL, Purpose.MARKETING, sara, true, granted, last, NOON))
                .contains(new SendOutcome.Deferred(Instant.parse("2026-12-08T05:00:00Z"), DeferReason.QUIET_HOURS));
    }

    @Test
    void smsCapIsADay() {
        Consent sms = new Consent(Channel.SMS, Purpose.MARKETING, true, "import", NOON);
        Instant last = NOON.minus(Duration.ofHours(20));
        assertThat(care.check(Channel.SMS, Purpose.MARKETING, sara, true, sms, last, NOON))
                .contains(new SendOutcome.Deferred(last.plus(Duration.ofHours(24)), DeferReason.FREQUENCY_CAP));
    }
}
