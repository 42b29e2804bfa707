package io.basira.server.sources;

import io.basira.shared.StoreId;
import java.time.Instant;

/**
 * A row of the inbox: one platform event as received.
 *
 * @param eventKey the platform's event id, or {@code sha256:<hex>} of the body where the platform sends none
 * @param state {@code received}, {@code applied}, {@code ignored}, {@code stale} or {@code parked}
 * @param outcome what applying it did, or why it is parked; null while received
 */
public record InboxEntry(
        long id,
        StoreId store,
        String sourceId,
        Platform platform,
        String eventKey,
        String topic,
        Instant receivedAt,
        String state,
        String outcome,
        Instant handledAt) {

    public static final String RECEIVED = "received";
    public static final String APPLIED = "applied";
    public static final String IGNORED = "ignored";
    public static final String STALE = "stale";
    public static final String PARKED = "parked";
}
