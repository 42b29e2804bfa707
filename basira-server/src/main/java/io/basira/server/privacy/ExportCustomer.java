package io.basira.server.privacy;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.basira.server.platform.csv.SpreadsheetCsv;
import io.basira.server.platform.errors.NotFound;
import io.basira.server.privacy.CustomerDataKind.Person;
import io.basira.shared.Store;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Everything held about one customer, as a zip (docs/privacy.md, "Export"): {@code customer.json} (the store,
 * the customer's id, when, and every registered kind's rows under its name, an empty list when it holds
 * nothing) and one {@code <kind>.csv} per kind (a header of every column its rows have, then the rows;
 * nested payloads as JSON text; cells spreadsheet-safe). Written straight to the caller's stream.
 */
public final class ExportCustomer {

    private final JdbcTemplate jdbc;
    private final PrivacyRegistry registry;
    private final JsonMapper json;
    private final Clock clock;

    public ExportCustomer(JdbcTemplate jdbc, PrivacyRegistry registry, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.json = json.rebuild().enable(SerializationFeature.INDENT_OUTPUT).build();
        this.clock = clock;
    }

    /** The person behind a store's customer id. @throws NotFound when the store has no such (unerased) customer */
    public Person person(Store store, String customerId) {
        List<Person> found = jdbc.query(
                "SELECT external_id, email, phone, first_name, last_name FROM customers "
                        + "WHERE store_id = ? AND external_id = ? AND erased_at IS NULL",
                (rs, n) -> new Person(
                        rs.getString("external_id"),
                        rs.getString("email"),
                        rs.getString("phone"),
                        rs.getString("first_name"),
                        rs.getString("last_name")),
                store.id().value(),
                customerId);
        if (found.isEmpty()) {
            throw new NotFound("customer '" + customerId + "' does not exist in this store");
        }
        return found.get(0);
    }

    /** Every kind's rows about the person, by kind name, in registration order. */
    public Map<String, List<Map<String, Object>>> collect(Store store, Person person) {
        Map<String, List<Map<String, Object>>> kinds = new LinkedHashMap<>();
        registry.kinds().forEach(kind -> kinds.put(kind.name(), kind.export(store, person)));
        return kinds;
    }

    /**
     * Writes the zip of {@code person} to {@code out} (left open).
     *
     * @return the number of rows exported
     */
    public long write(Store store, Person person, OutputStream out) throws IOException {
        Map<String, List<Map<String, Object>>> kinds = collect(store, person);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("store", store.slug());
        document.put("customer_id", person.customerId());
        document.put("exported_at", clock.instant().toString());
        document.put("kinds", kinds);
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry("customer.json"));
        zip.write(json.writeValueAsBytes(document));
        zip.closeEntry();
        long rows = 0;
        for (Map.Entry<String, List<Map<String, Object>>> kind : kinds.entrySet()) {
            zip.putNextEntry(new ZipEntry(kind.getKey() + ".csv"));
            Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            writeCsv(kind.getValue(), writer);
            writer.flush();
            zip.closeEntry();
            rows += kind.getValue().size();
        }
        zip.finish();
        return rows;
    }

    private void writeCsv(List<Map<String, Object>> rows, Writer writer) {
        Set<String> columns = new LinkedHashSet<>();
        rows.forEach(row -> columns.addAll(row.keySet()));
        CsvWriter csv = SpreadsheetCsv.writer(writer);
        if (columns.isEmpty()) {
            csv.writeRecord("no_data");
        } else {
            csv.writeRecord(columns);
            for (Map<String, Object> row : rows) {
                csv.writeRecord(
                        columns.stream().map(column -> cell(row.get(column))).toList());
            }
        }
        try {
            csv.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String cell(Object value) {
        return value instanceof Map || value instanceof List
                ? SpreadsheetCsv.cell(json.writeValueAsString(value))
                : SpreadsheetCsv.cell(value);
    }
}
