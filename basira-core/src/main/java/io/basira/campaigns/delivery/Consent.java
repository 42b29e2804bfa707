package io.basira.campaigns.delivery;

import io.basira.campaigns.Channel;
import io.basira.campaigns.Purpose;
import java.time.Instant;
import java.util.Objects;

/**
 * One consent record: for a channel and purpose, given or withdrawn, where it came from ({@link #SOURCES}) and
 * when. The latest record of a channel and purpose is the customer's current state; the older ones are its
 * history.
 */
public record Consent(Channel channel, Purpose purpose, boolean granted, String source, Instant at) {

    /** The sources a consent record may name (docs/campaigns.md, "Care"). */
    public static final java.util.Set<String> SOURCES =
            java.util.Set.of("api", "dashboard", "import", "platform", "checkout", "unsubscribe-link", "sms-stop");

    public Consent {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        if (!SOURCES.contains(source)) {
            throw new IllegalArgumentException(
                    "consent source '" + source + "' is not one of " + new java.util.TreeSet<>(SOURCES));
        }
    }

    /** Whether this record came from the customer unsubscribing (a link or an SMS STOP). */
    public boolean unsubscribed() {
        return !granted && (source.equals("unsubscribe-link") || source.equals("sms-stop"));
    }
}
