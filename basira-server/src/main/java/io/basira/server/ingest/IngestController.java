package io.basira.server.ingest;

import io.basira.ingest.IngestRecords;
import io.basira.server.api.ApiErrors.InvalidRecords;
import io.basira.shared.Store;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The write API: {@code POST /api/v1/{kind}} upserts one record (a JSON object), {@code POST
 * /api/v1/{kind}/bulk} many (NDJSON, one object per line). Either the whole request is applied,
 * in one transaction with the cards it changes, or nothing is and every problem is listed.
 * Sending the same request twice changes nothing.
 */
@RestController
@RequestMapping("/api/v1")
public class IngestController {

    private final IngestRecords ingest;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;

    public IngestController(IngestRecords ingest, TransactionTemplate transaction, JsonMapper json,
            ApplicationEventPublisher events) {
        this.ingest = ingest;
        this.transaction = transaction;
        this.json = json;
        this.events = events;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> upsert(Store store, @PathVariable String kind, @RequestBody Map<String, Object> body) {
        JsonRecords records = new JsonRecords(store);
        records.add(RecordKind.ofPath(kind), body, "request");
        return apply(store, records, 1);
    }

    @PostMapping(path = "/{kind}/bulk", consumes = {"application/x-ndjson", "application/ndjson", MediaType.TEXT_PLAIN_VALUE})
    public Map<String, Object> bulk(Store store, @PathVariable String kind, @RequestBody String ndjson) {
        RecordKind recordKind = RecordKind.ofPath(kind);
        JsonRecords records = new JsonRecords(store);
        String[] lines = ndjson.split("\r?\n", -1);
        int count = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            count++;
            String source = "line " + (i + 1);
            try {
                records.add(recordKind, json.readValue(lines[i], mapType()), source);
            } catch (JacksonException e) {
                records.problems().add(source + ": not a JSON object: " + e.getOriginalMessage());
            }
        }
        return apply(store, records, count);
    }

    private Map<String, Object> apply(Store store, JsonRecords records, int count) {
        if (!records.problems().isEmpty()) {
            throw new InvalidRecords(records.problems());
        }
        Set<String> affected = transaction.execute(status -> ingest.ingest(store, records.batch()));
        events.publishEvent(new CardsChanged(store.id(), affected));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("applied", count);
        result.put("customers_refreshed", List.copyOf(affected));
        return result;
    }

    @SuppressWarnings("unchecked")
    private static Class<Map<String, Object>> mapType() {
        return (Class<Map<String, Object>>) (Class<?>) Map.class;
    }
}
