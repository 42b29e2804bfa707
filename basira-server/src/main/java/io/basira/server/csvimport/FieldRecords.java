package io.basira.server.csvimport;

import io.basira.shared.Store;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses records that arrive as named fields rather than CSV rows (a JSON object of the REST API,
 * one line of NDJSON) with exactly the rules and messages of the canonical CSV columns, so a value
 * is valid in the API exactly when it is valid in an import.
 *
 * <p>References to other records are not checked here: the API checks them against the store when
 * it applies a batch. Not thread-safe: one instance per request.
 */
public final class FieldRecords {

    private static final KnownRecords EVERYTHING = new KnownRecords() {
        @Override
        public boolean customerExists(String customerId) {
            return true;
        }

        @Override
        public boolean orderExists(String orderId) {
            return true;
        }

        @Override
        public boolean cartExists(String cartId) {
            return true;
        }
    };

    private final Store store;
    private final RowMapping mapping;

    public FieldRecords(Store store, RecordSink sink) {
        this.store = store;
        this.mapping = new RowMapping(new References(EVERYTHING), sink);
    }

    /**
     * Parses one record of {@code file}'s kind from its fields (column name → text, null or absent = empty).
     * A valid record goes to the sink.
     *
     * @param source names the record in errors ({@code request}, {@code line 3})
     * @return the record's problems; empty when it went to the sink
     */
    public List<RowError> parse(CanonicalFile file, Map<String, String> fields, String source) {
        Map<String, String> complete = new LinkedHashMap<>();
        file.columns().forEach(column -> complete.put(column, ""));
        fields.forEach((name, value) -> complete.put(name, value == null ? "" : value));
        ErrorLog headerErrors = new ErrorLog(100);
        Header header = Header.of(new ArrayList<>(complete.keySet()), file, headerErrors);
        if (header == null) {
            return headerErrors.kept();
        }
        Row row = new Row(source, 0, header, new ArrayList<>(complete.values()), store);
        mapping.map(file, row);
        return row.errors();
    }
}
