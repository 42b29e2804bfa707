package io.basira.server.sources.mapping;

import io.basira.shared.Store;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * One stored delivery as the readers see it.
 *
 * @param topic the event type as the platform named it ({@code order.created}, {@code orders/updated})
 * @param body the parsed body (numbers as exact decimals)
 * @param receivedAt when Basira stored it: the version time of an event whose payload carries none
 */
public record PlatformEvent(Store store, String topic, JsonNode body, Instant receivedAt) {}
