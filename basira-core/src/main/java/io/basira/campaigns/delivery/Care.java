package io.basira.campaigns.delivery;

import io.basira.campaigns.Channel;
import io.basira.campaigns.Purpose;
import io.basira.campaigns.SendOutcome;
import io.basira.campaigns.SendOutcome.DeferReason;
import io.basira.campaigns.SendOutcome.SuppressReason;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * The checks a message passes before it is sent, in this order: the customer was not erased; they have an
 * address for the channel; the store set the channel up; consent (a withdrawal by unsubscribing answers
 * {@code UNSUBSCRIBED}, no consent {@code NO_CONSENT}; transactional messages need no consent, only no
 * withdrawal); then, for marketing only, the frequency cap and the quiet hours. When both make a message wait,
 * it waits until the cap frees and then past the quiet hours that instant falls in, so the engine asks once.
 */
public record Care(QuietHours quietHours, FrequencyCaps caps, ZoneId zone) {

    /**
     * @param consent the latest consent record for the request's channel and purpose, or null when none
     * @param lastMarketing the last marketing message sent (or being sent) to the customer on this channel, or null
     * @return empty when the message may go now, else why not
     */
    public Optional<SendOutcome> check(
            Channel channel,
            Purpose purpose,
            Contact contact,
            boolean channelConfigured,
            Consent consent,
            Instant lastMarketing,
            Instant now) {
        if (contact.erased()) {
            return Optional.of(new SendOutcome.Suppressed(SuppressReason.ERASED));
        }
        boolean hasAddress = switch (channel) {
            case EMAIL -> contact.hasEmail();
            case SMS -> contact.hasPhone() && PhoneNumbers.e164(contact.phone()) != null;
            case WEBHOOK -> true;
        };
        if (!hasAddress) {
            return Optional.of(new SendOutcome.Suppressed(SuppressReason.NO_ADDRESS));
        }
        if (!channelConfigured) {
            return Optional.of(new SendOutcome.Suppressed(SuppressReason.CHANNEL_NOT_CONFIGURED));
        }
        if (consent != null && !consent.granted()) {
            return Optional.of(new SendOutcome.Suppressed(
                    consent.unsubscribed() ? SuppressReason.UNSUBSCRIBED : SuppressReason.NO_CONSENT));
        }
        if (purpose == Purpose.TRANSACTIONAL) {
            return Optional.empty();
        }
        if (consent == null) {
            return Optional.of(new SendOutcome.Suppressed(SuppressReason.NO_CONSENT));
        }
        Instant at = now;
        DeferReason reason = null;
        Optional<Instant> capped = caps.waitUntil(channel, lastMarketing, now);
        if (capped.isPresent()) {
            at = capped.get();
            reason = DeferReason.FREQUENCY_CAP;
        }
        Optional<Instant> quiet = quietHours.waitUntil(at, zone);
        if (quiet.isPresent()) {
            at = quiet.get();
            reason = DeferReason.QUIET_HOURS;
        }
        return reason == null ? Optional.empty() : Optional.of(new SendOutcome.Deferred(at, reason));
    }
}
