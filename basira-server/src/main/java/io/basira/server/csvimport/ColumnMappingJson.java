package io.basira.server.csvimport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of a {@link ColumnMapping} (docs/import.md, "Platform exports"): the presets, a
 * {@code --mapping FILE.json} and a store's saved mapping are all written so.
 *
 * <pre>{@code
 * {"name": "shopify-orders",
 *  "files": {"orders": {"source": "orders_export*.csv", "continuation_rows": true,
 *                       "date_format": "yyyy-MM-dd HH:mm:ss Z",
 *                       "columns": {"order_id": "Name", "customer_id": ["Email", "Phone"]},
 *                       "values": {"status": {"paid/fulfilled": "completed"}},
 *                       "defaults": {"currency": "SAR"}}}}
 * }</pre>
 *
 * A column's headers are a string or an array of strings. Reading refuses what the mapping cannot mean (an
 * unknown kind of file or column, a bad date pattern) with a message that names it.
 */
public final class ColumnMappingJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ColumnMappingJson() {}

    /** @throws IllegalArgumentException when the text is not a mapping, saying why */
    public static ColumnMapping read(String text) {
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JacksonException e) {
            String english = "the mapping is not valid JSON: " + e.getOriginalMessage();
            if (e.getLocation() == null || e.getLocation().getLineNr() < 1) {
                throw new MappingRefused("not_json_somewhere", english);
            }
            throw new MappingRefused(
                    "not_json",
                    english,
                    e.getLocation().getLineNr(),
                    e.getLocation().getColumnNr());
        }
        return read(root);
    }

    static ColumnMapping read(InputStream in) {
        try (in) {
            return read(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ColumnMapping read(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new MappingRefused(
                    "not_an_object", "the mapping must be a JSON object {\"name\": …, \"files\": {…}}");
        }
        JsonNode files = root.path("files");
        if (!files.isObject()) {
            throw new MappingRefused("files_not_object", "files: expected an object of kinds (customers, orders, …)");
        }
        Map<CanonicalFile, FileMapping> mapped = new EnumMap<>(CanonicalFile.class);
        for (Map.Entry<String, JsonNode> entry : files.properties()) {
            CanonicalFile kind = ColumnMapping.kind(entry.getKey());
            try {
                mapped.put(kind, file(kind, entry.getKey(), entry.getValue()));
            } catch (MappingRefused e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(entry.getKey() + ": " + e.getMessage());
            }
        }
        String name =
                root.path("name").isString() ? root.path("name").asString().strip() : "custom";
        return new ColumnMapping(name.isEmpty() ? "custom" : name, mapped);
    }

    /** {@code node}, the mapping of {@code kind}, named {@code key} in the JSON (English sentences say it so). */
    private static FileMapping file(CanonicalFile kind, String key, JsonNode node) {
        if (!node.isObject()) {
            throw new MappingRefused(
                    "file_not_object", key + ": expected an object {source, columns, …}", kind.fileName());
        }
        Map<String, List<String>> columns = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> column : node.path("columns").properties()) {
            List<String> headers = new ArrayList<>();
            if (column.getValue().isArray()) {
                column.getValue().forEach(h -> headers.add(h.asString()));
            } else {
                headers.add(column.getValue().asString());
            }
            columns.put(column.getKey(), headers);
        }
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> column : node.path("values").properties()) {
            Map<String, String> map = new LinkedHashMap<>();
            column.getValue()
                    .properties()
                    .forEach(v -> map.put(v.getKey(), v.getValue().asString()));
            values.put(column.getKey(), map);
        }
        Map<String, String> defaults = new LinkedHashMap<>();
        node.path("defaults")
                .properties()
                .forEach(d -> defaults.put(d.getKey(), d.getValue().asString()));
        String source = node.path("source").asString("");
        if (source.isBlank()) {
            throw new MappingRefused("source_empty", key + ": source: the file name is empty", kind.fileName());
        }
        String dateFormat =
                node.path("date_format").isString() ? node.path("date_format").asString() : null;
        FileMapping.checkDateFormat(kind, key, dateFormat);
        return new FileMapping(
                source,
                columns,
                values,
                defaults,
                dateFormat,
                node.path("continuation_rows").asBoolean(false));
    }

    /** The mapping as JSON, indented, in the form {@link #read(String)} reads. */
    public static String write(ColumnMapping mapping) {
        ObjectNode root = JSON.createObjectNode();
        root.put("name", mapping.name());
        ObjectNode files = root.putObject("files");
        for (CanonicalFile file : CanonicalFile.values()) {
            FileMapping through = mapping.of(file);
            if (through == null) {
                continue;
            }
            ObjectNode node =
                    files.putObject(file.fileName().replace(".csv", "").toLowerCase(Locale.ROOT));
            node.put("source", through.source());
            if (through.continuationRows()) {
                node.put("continuation_rows", true);
            }
            if (through.dateFormat() != null) {
                node.put("date_format", through.dateFormat());
            }
            ObjectNode columns = node.putObject("columns");
            through.columns().forEach((column, headers) -> {
                if (headers.size() == 1) {
                    columns.put(column, headers.get(0));
                } else {
                    headers.forEach(columns.putArray(column)::add);
                }
            });
            if (!through.values().isEmpty()) {
                ObjectNode values = node.putObject("values");
                through.values().forEach((column, map) -> {
                    ObjectNode entries = values.putObject(column);
                    map.forEach(entries::put);
                });
            }
            if (!through.defaults().isEmpty()) {
                ObjectNode defaults = node.putObject("defaults");
                through.defaults().forEach(defaults::put);
            }
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }
}
