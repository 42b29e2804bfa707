package io.basira.server.platform.events.api;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** The events API's answer as the OpenAPI description names it ({@link EventsController} writes it as a map). */
final class EventAnswers {

    private EventAnswers() {}

    @Schema(name = "IncompleteDelivery", description = "An event a durable listener has not handled yet")
    record Incomplete(
            String eventId,
            @Schema(example = "OrdersRecorded") String type,
            @Schema(format = "date-time") String recordedAt,
            @Schema(example = "group-membership") String listener,
            int attempts,

            @Schema(description = "the last failure's type, if any")
            String lastError,

            @Schema(format = "date-time") String nextAttemptAt) {}

    @Schema(name = "IncompleteEvents")
    record IncompleteEvents(List<Incomplete> incomplete, int listedAtMost) {}
}
