package io.basira.server.platform.events.api;

import io.basira.server.platform.events.JdbcDomainEvents;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/events/incomplete}: the caller's store's incomplete publications, oldest first: the
 * domain events some listener has not handled yet (it failed and is retried, or the process died before
 * telling it), with the attempts made and the class of the last failure.
 */
@RestController
public class EventsController {

    static final int LISTED = 1000;

    private final JdbcDomainEvents events;

    public EventsController(JdbcDomainEvents events) {
        this.events = events;
    }

    @Operation(
            summary = "The store's incomplete publications",
            description =
                    "Domain events some listener has not "
                            + "handled yet, oldest first (at most 1000): event id, type, recorded_at, listener, attempts, the class of the "
                            + "last failure and when the next attempt is due. Empty when every event was delivered (docs/events.md).")
    @ApiResponse(
            responseCode = "200",
            description = "OK",
            content = @Content(schema = @Schema(implementation = EventAnswers.IncompleteEvents.class)))
    @GetMapping("/api/v1/events/incomplete")
    public Map<String, Object> incomplete(Store store) {
        List<JdbcDomainEvents.Incomplete> rows = events.incomplete(store.id().value(), LISTED);
        List<Map<String, Object>> listed = rows.stream()
                .map(row -> {
                    Map<String, Object> json = new LinkedHashMap<>();
                    json.put("event_id", row.eventId());
                    json.put("type", row.type());
                    json.put("recorded_at", row.recordedAt().toString());
                    json.put("listener", row.listener());
                    json.put("attempts", row.attempts());
                    json.put("last_error", row.lastError());
                    json.put("next_attempt_at", row.nextAttemptAt().toString());
                    return json;
                })
                .toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("incomplete", listed);
        json.put("listed_at_most", LISTED);
        return json;
    }
}
