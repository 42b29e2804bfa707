package io.basira.server.sources;

import io.basira.shared.StoreId;
import java.time.Instant;

/**
 * A store's registered platform source, as listed: never its secrets.
 *
 * @param previousValidUntil until when the secret before the last rotation is still accepted (null: none)
 */
public record Source(
        String id,
        StoreId store,
        Platform platform,
        String label,
        Instant createdAt,
        Instant rotatedAt,
        Instant previousValidUntil) {

    /** The path the platform posts to: {@code /webhooks/{platform}/{id}}. */
    public String webhookPath() {
        return "/webhooks/" + platform.code() + "/" + id;
    }
}
