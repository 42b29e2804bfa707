package io.basira.campaigns.delivery;

import io.basira.campaigns.Channel;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * At most one marketing message per channel and customer within a window: by default one e-mail per 16 hours
 * and one SMS per 24 hours (Klaviyo's smart sending); webhooks are not capped (the store's own system decides).
 * A zero window turns a cap off.
 */
public record FrequencyCaps(Duration email, Duration sms) {

    public static final FrequencyCaps DEFAULT = new FrequencyCaps(Duration.ofHours(16), Duration.ofHours(24));

    public FrequencyCaps {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(sms, "sms");
        if (email.isNegative() || sms.isNegative()) {
            throw new IllegalArgumentException("a frequency cap cannot be negative");
        }
    }

    public Duration window(Channel channel) {
        return switch (channel) {
            case EMAIL -> email;
            case SMS -> sms;
            case WEBHOOK -> Duration.ZERO;
        };
    }

    /**
     * When the next marketing message on {@code channel} may go, given the last one sent (or being sent) at
     * {@code lastMarketing}: empty when now.
     */
    public Optional<Instant> waitUntil(Channel channel, Instant lastMarketing, Instant now) {
        Duration window = window(channel);
        if (lastMarketing == null || window.isZero()) {
            return Optional.empty();
        }
        Instant free = lastMarketing.plus(window);
        return free.isAfter(now) ? Optional.of(free) : Optional.empty();
    }
}
