package io.basira.server.ingest.api;

import io.basira.ingest.IngestRecords;
import io.basira.server.platform.errors.ContentTooLarge;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.shared.Store;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 * in one transaction with the cards it changes, or nothing is and the problems are listed (the first
 * {@value InvalidRecords#LISTED}, with their count). Sending the same request twice changes nothing.
 *
 * <p>A bulk body is read as a stream, a line at a time, within the limits of {@code basira.api.bulk-*}
 * (README, "Limits"): a body over them is refused with 413 as soon as that is known (from its
 * Content-Length, else when the reading passes the limit), before anything is applied.
 */
@RestController
@RequestMapping("/api/v1")
public class IngestController {

    private final IngestRecords ingest;
    private final TransactionTemplate transaction;
    private final JsonMapper json;
    private final BulkLimits limits;

    public IngestController(IngestRecords ingest, TransactionTemplate transaction, JsonMapper json, BulkLimits limits) {
        this.ingest = ingest;
        this.transaction = transaction;
        this.json = json;
        this.limits = limits;
    }

    @PostMapping(path = "/{kind}", consumes = MediaType.APPLICATION_JSON_VALUE)
    public Map<String, Object> upsert(Store store, @PathVariable String kind, @RequestBody Map<String, Object> body) {
        JsonRecords records = new JsonRecords(store);
        records.add(RecordKind.ofPath(kind), body, "request");
        return apply(store, records, 1);
    }

    @PostMapping(
            path = "/{kind}/bulk",
            consumes = {"application/x-ndjson", "application/ndjson", MediaType.TEXT_PLAIN_VALUE})
    @io.swagger.v3.oas.annotations.parameters.RequestBody(
            required = true,
            description =
                    "NDJSON: one JSON object per"
                            + " line, at most basira.api.bulk.max-records lines and basira.api.bulk.max-body bytes (README, Limits)",
            content = @Content(mediaType = "application/x-ndjson", schema = @Schema(type = "string")))
    public Map<String, Object> bulk(Store store, @PathVariable String kind, HttpServletRequest request)
            throws IOException {
        RecordKind recordKind = RecordKind.ofPath(kind);
        long maxBody = limits.maxBody().toBytes();
        if (request.getContentLengthLong() > maxBody) {
            throw new ContentTooLarge(
                    "nothing was applied: a bulk request is at most " + maxBody + " bytes, this one has "
                            + request.getContentLengthLong() + "; split the records over several requests",
                    maxBody + " bytes");
        }
        JsonRecords records = new JsonRecords(store);
        NdjsonLines lines = new NdjsonLines(
                maxBody, limits.maxRecords(), (int) limits.maxLine().toBytes());
        int count = lines.read(request.getInputStream(), (source, line) -> {
            try {
                records.add(recordKind, json.readValue(line, mapType()), source);
            } catch (JacksonException e) {
                records.problem(source + ": not a JSON object: " + e.getOriginalMessage());
            }
        });
        return apply(store, records, count);
    }

    private Map<String, Object> apply(Store store, JsonRecords records, int count) {
        records.requireNoProblems();
        // the groups follow the write before the transaction template returns (the outbox delivers after commit)
        // erased customers' records are screened by the write itself, under its locks (docs/privacy.md)
        Set<String> affected = transaction.execute(status -> ingest.ingest(store, records.batch()));
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
