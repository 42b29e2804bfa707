package io.basira.server.ingest.api;

import io.basira.ingest.RecordBatch;
import io.basira.server.csvimport.CanonicalFile;
import io.basira.server.csvimport.CartLineFields;
import io.basira.server.csvimport.FieldRecords;
import io.basira.server.csvimport.RecordSink;
import io.basira.server.csvimport.RowError;
import io.basira.server.platform.errors.InvalidRecords;
import io.basira.shared.Store;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns JSON objects of the REST API into a {@link RecordBatch}. Field names are the canonical CSV
 * column names; an order may carry its lines as {@code "items": [{"product_id", "quantity",
 * "unit_price"}]}, a cart its lines as {@code "items": [{"product_id", "quantity", "name", "unit_price", "url"}]}
 * ({@link CartLineFields}); tags may be a JSON array or a {@code ;}-separated string. Values go through the
 * same parsing as CSV cells, so they are valid in the API exactly when valid in an import.
 */
final class JsonRecords {

    private final RecordBatch batch = new RecordBatch();
    private final FieldRecords parser;
    private final Store store;
    /** The first {@link InvalidRecords#LISTED} problems; {@link #problemCount} counts them all. */
    private final List<String> problems = new ArrayList<>();

    private int problemCount;

    JsonRecords(Store store) {
        this.store = store;
        this.parser = new FieldRecords(store, RecordSink.into(batch));
    }

    /** Adds one JSON object of {@code kind}; {@code source} names it in errors ({@code line 3}). */
    void add(RecordKind kind, Map<String, Object> json, String source) {
        if (json == null) {
            problem(source + ": expected a JSON object");
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Object items = null;
        int problemsBefore = problemCount;
        for (Map.Entry<String, Object> field : json.entrySet()) {
            if ((kind == RecordKind.ORDERS || kind == RecordKind.CARTS)
                    && field.getKey().equals("items")) {
                items = field.getValue();
            } else {
                fields.put(field.getKey(), scalar(field.getKey(), field.getValue(), source));
            }
        }
        if (problemCount > problemsBefore) {
            return;
        }
        int cartsBefore = batch.carts().size();
        report(parser.parse(kind.file(), fields, source));
        if (items != null && kind == RecordKind.CARTS) {
            if (batch.carts().size() > cartsBefore) {
                addCartItems(batch.carts().get(batch.carts().size() - 1).externalId(), items, source);
            }
        } else if (items != null) {
            addItems(fields.get("order_id"), items, source);
        }
    }

    private void addCartItems(String cartId, Object items, String source) {
        if (!(items instanceof List<?> list)) {
            problem(source + ": items: expected a JSON array of {product_id, quantity, name, unit_price, url}");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            String where = source + ": items[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                problem(where + ": expected a JSON object {product_id, quantity, name, unit_price, url}");
                continue;
            }
            Map<String, String> fields = new LinkedHashMap<>();
            int problemsBefore = problemCount;
            item.forEach((k, v) -> fields.put(String.valueOf(k), scalar(String.valueOf(k), v, where)));
            if (problemCount > problemsBefore) {
                continue;
            }
            CartLineFields.Parsed parsed = CartLineFields.parse(store, cartId, fields);
            if (parsed.line() != null) {
                batch.add(parsed.line());
            } else {
                parsed.problems().forEach(problem -> problem(where + ": " + problem));
            }
        }
    }

    private void addItems(String orderId, Object items, String source) {
        if (!(items instanceof List<?> list)) {
            problem(source + ": items: expected a JSON array of {product_id, quantity, unit_price}");
            return;
        }
        for (int i = 0; i < list.size(); i++) {
            Map<String, String> fields = new LinkedHashMap<>();
            String where = source + ": items[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item)) {
                problem(where + ": expected a JSON object {product_id, quantity, unit_price}");
                continue;
            }
            int problemsBefore = problemCount;
            item.forEach((k, v) -> fields.put(String.valueOf(k), scalar(String.valueOf(k), v, where)));
            if (problemCount > problemsBefore) {
                continue;
            }
            fields.put("order_id", orderId);
            report(parser.parse(CanonicalFile.ORDER_ITEMS, fields, source + ": items[" + i + "]"));
        }
    }

    private void report(List<RowError> errors) {
        errors.forEach(error -> problem(error.toString()));
    }

    /** Records a problem; only the first {@link InvalidRecords#LISTED} are kept, all are counted. */
    void problem(String problem) {
        problemCount++;
        if (problems.size() < InvalidRecords.LISTED) {
            problems.add(problem);
        }
    }

    /** Refuses the batch when any record had a problem. @throws InvalidRecords with the first ones and the count */
    void requireNoProblems() {
        if (problemCount > 0) {
            throw new InvalidRecords(problems, problemCount);
        }
    }

    /**
     * The text of a field that holds one value (a string, number or boolean); {@code tags} may also
     * be an array of them. An object, or an array elsewhere, is a problem naming the field: it is
     * never stored as its Java text ({@code {a=1}}).
     */
    private String scalar(String field, Object value, String source) {
        boolean arrayAllowed = field.equals("tags");
        if (value instanceof Map<?, ?> || (value instanceof List<?> && !arrayAllowed)) {
            problem(source + ": " + field + ": expected a string or a number, not a JSON "
                    + (value instanceof Map<?, ?> ? "object" : "array"));
            return "";
        }
        if (value instanceof List<?> list
                && list.stream().anyMatch(v -> v instanceof Map<?, ?> || v instanceof List<?>)) {
            problem(source + ": " + field + ": expected an array of strings");
            return "";
        }
        return text(value);
    }

    /** A JSON value as the text of a CSV cell: numbers exactly, arrays joined with {@code ;}. */
    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).toPlainString();
        }
        if (value instanceof List<?> list) {
            return list.stream().map(JsonRecords::text).collect(Collectors.joining(";"));
        }
        return value.toString();
    }

    RecordBatch batch() {
        return batch;
    }
}
