package io.basira.server.sources.mapping;

import io.basira.ingest.RecordBatch;
import io.basira.server.csvimport.CanonicalFile;
import io.basira.server.csvimport.CartLineFields;
import io.basira.server.csvimport.FieldRecords;
import io.basira.server.csvimport.RecordSink;
import io.basira.server.csvimport.RowError;
import io.basira.shared.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Standard Webhooks carrying Basira's canonical records: {@code {"type": "<kind>.<verb>", "timestamp": …,
 * "data": {…}}} with kind {@code customer}, {@code order}, {@code product}, {@code cart} or {@code review}
 * and {@code data} a record as the REST API takes it (the canonical CSV columns; an order may carry
 * {@code items}). Values are read exactly as CSV cells are. The version time is {@code data.updated_at},
 * else the payload's {@code timestamp}.
 */
final class StandardEvents implements PlatformEvents {

    private record Kind(CanonicalFile file, String idField) {}

    private static final Map<String, Kind> KINDS = Map.of(
            "customer", new Kind(CanonicalFile.CUSTOMERS, "customer_id"),
            "order", new Kind(CanonicalFile.ORDERS, "order_id"),
            "product", new Kind(CanonicalFile.PRODUCTS, "product_id"),
            "cart", new Kind(CanonicalFile.CARTS, "cart_id"),
            "review", new Kind(CanonicalFile.REVIEWS, "review_id"));

    @Override
    public Mapped read(PlatformEvent event) {
        String type = Fields.text(event.body(), "type");
        String topic = type != null ? type : event.topic();
        String kindName = topic.contains(".") ? topic.substring(0, topic.indexOf('.')) : topic;
        Kind kind = KINDS.get(kindName);
        JsonNode data = event.body().get("data");
        if (kind == null) {
            return Mapped.ignore("event type '" + topic + "' is not one Basira maps");
        }
        if (!Fields.present(data) || !data.isObject()) {
            throw new Unmappable("event '" + topic + "': the body has no 'data' object");
        }
        String id = Fields.requiredId(data, kindName, kind.idField());
        String where = kindName + " " + id;
        RecordBatch batch = new RecordBatch();
        FieldRecords parser = new FieldRecords(event.store(), RecordSink.into(batch));
        List<String> problems = new ArrayList<>();
        parser.parse(kind.file(), cells(data, where), where).forEach(error -> problems.add(error.toString()));
        JsonNode items = data.get("items");
        if (kind.file() == CanonicalFile.ORDERS && Fields.present(items) && items.isArray()) {
            int index = 0;
            for (JsonNode item : items) {
                Map<String, String> cells = cells(item, where);
                cells.put("order_id", id);
                for (RowError error :
                        parser.parse(CanonicalFile.ORDER_ITEMS, cells, where + ": items[" + index++ + "]")) {
                    problems.add(error.toString());
                }
            }
        }
        if (kind.file() == CanonicalFile.CARTS
                && Fields.present(items)
                && items.isArray()
                && !batch.carts().isEmpty()) {
            String cartId = batch.carts().get(batch.carts().size() - 1).externalId();
            int index = 0;
            for (JsonNode item : items) {
                String at = where + ": items[" + index++ + "]";
                CartLineFields.Parsed parsed = CartLineFields.parse(event.store(), cartId, cells(item, at));
                if (parsed.line() != null) {
                    batch.add(parsed.line());
                } else {
                    parsed.problems().forEach(problem -> problems.add(at + ": " + problem));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Unmappable(String.join("; ", problems));
        }
        return Mapped.records(kindName + ":" + id, version(event, data, where), batch, List.of(), where);
    }

    private static Instant version(PlatformEvent event, JsonNode data, String where) {
        Store store = event.store();
        Instant updated = Fields.instant(Fields.text(data, "updated_at"), store.timeZone(), where + ": updated_at");
        if (updated != null) {
            return updated;
        }
        Instant stamped = Fields.instant(Fields.text(event.body(), "timestamp"), store.timeZone(), "timestamp");
        return stamped != null ? stamped : event.receivedAt();
    }

    /** A JSON object's scalar fields as CSV cells (tags may be an array). */
    private static Map<String, String> cells(JsonNode object, String where) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : object.properties()) {
            JsonNode value = field.getValue();
            if (field.getKey().equals("items")) {
                continue;
            }
            if (value.isArray() && field.getKey().equals("tags")) {
                List<String> tags = new ArrayList<>();
                value.forEach(tag -> tags.add(Fields.text(tag)));
                cells.put("tags", String.join(";", tags));
            } else if (value.isContainer()) {
                throw new Unmappable(where + ": " + field.getKey() + ": expected a string or a number");
            } else {
                String text = Fields.text(value);
                cells.put(field.getKey(), text == null ? "" : text);
            }
        }
        return cells;
    }
}
