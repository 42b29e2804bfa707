package io.basira.server.sources;

import java.time.Instant;
import java.util.List;

/**
 * A source's secrets in clear, opened for deliveries (kept in memory at most a second by {@code JdbcSources}). {@code previous} is accepted until
 * {@code previousValidUntil} (exclusive) during a rotation.
 */
public record SourceSecrets(String current, String previous, Instant previousValidUntil) {

    /** The secrets a delivery may be signed with at {@code now}: the current one first. */
    public List<String> validAt(Instant now) {
        return previous != null && previousValidUntil != null && now.isBefore(previousValidUntil)
                ? List.of(current, previous)
                : List.of(current);
    }

    @Override
    public String toString() {
        return "SourceSecrets[redacted]";
    }
}
