package io.basira.campaigns;

import java.time.Instant;
import java.util.Objects;

/**
 * What became of a {@link MessageRequest}. Nothing is dropped silently: a message is sent, waits (and the
 * engine asks again at {@link Deferred#until()}), is suppressed for a stated reason, or failed.
 */
public sealed interface SendOutcome {

    /** Handed to the channel (the SMTP server accepted it, the gateway answered 2xx, the webhook was queued). */
    record Sent(Instant at, String messageId) implements SendOutcome {
        public Sent {
            Objects.requireNonNull(at, "at");
        }
    }

    /** Not now: ask again at {@code until}. */
    record Deferred(Instant until, DeferReason reason) implements SendOutcome {
        public Deferred {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not at all, for this request: say why in the campaign's report. */
    record Suppressed(SuppressReason reason) implements SendOutcome {
        public Suppressed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The channel refused or could not be reached; {@code retryable} when asking again later may work. */
    record Failed(String reason, boolean retryable) implements SendOutcome {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum DeferReason {
        QUIET_HOURS,
        FREQUENCY_CAP
    }

    enum SuppressReason {
        /** No consent for this channel and purpose. */
        NO_CONSENT,
        /** The customer unsubscribed. */
        UNSUBSCRIBED,
        /** No e-mail address or phone number for the channel. */
        NO_ADDRESS,
        /** The store has not set this channel up. */
        CHANNEL_NOT_CONFIGURED,
        /** This idempotency key was sent already. */
        ALREADY_SENT,
        /** The customer was erased (privacy). */
        ERASED
    }
}
