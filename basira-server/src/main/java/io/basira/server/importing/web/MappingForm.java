package io.basira.server.importing.web;

import io.basira.server.csvimport.CanonicalFile;
import io.basira.server.csvimport.ColumnMapping;
import io.basira.server.csvimport.FileMapping;
import io.basira.server.csvimport.MappingRefused;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The import page's mapping editor: a {@link ColumnMapping} as form fields and back. Every kind of file has a
 * section; a kind is mapped when its source file name is filled in. A column's headers are separated by
 * {@code |}; a value map is one {@code column: merchant value = canonical value} per line. A form it cannot read
 * is refused with a {@link MappingRefused} ({@code value_line}, {@code date_format}, {@code not_a_column}).
 */
final class MappingForm {

    /** One canonical column in the editor. */
    record ColumnView(String name, boolean required, String headers, String fallback) {}

    /** One kind of file in the editor. */
    record KindView(
            String kind,
            String fileName,
            boolean used,
            String source,
            String dateFormat,
            boolean continuation,
            List<ColumnView> columns,
            String values) {}

    private MappingForm() {}

    static String kind(CanonicalFile file) {
        return file.fileName().replace(".csv", "");
    }

    static List<KindView> views(ColumnMapping mapping) {
        List<KindView> views = new ArrayList<>();
        for (CanonicalFile file : CanonicalFile.values()) {
            FileMapping through = mapping.of(file);
            List<ColumnView> columns = new ArrayList<>();
            for (String column : file.columns()) {
                List<String> headers =
                        through == null ? List.of() : through.columns().getOrDefault(column, List.of());
                String fallback = through == null ? "" : through.defaults().getOrDefault(column, "");
                columns.add(new ColumnView(
                        column, file.requiredColumns().contains(column), String.join(" | ", headers), fallback));
            }
            StringBuilder values = new StringBuilder();
            if (through != null) {
                through.values()
                        .forEach((column, map) -> map.forEach((from, to) -> values.append(column)
                                .append(": ")
                                .append(from)
                                .append(" = ")
                                .append(to)
                                .append('\n')));
            }
            views.add(new KindView(
                    kind(file),
                    file.fileName(),
                    through != null,
                    through == null ? "" : through.source(),
                    through == null ? "" : nullToEmpty(through.dateFormat()),
                    through != null && through.continuationRows(),
                    columns,
                    values.toString()));
        }
        return views;
    }

    /** @throws IllegalArgumentException naming the field that cannot be read */
    static ColumnMapping parse(Map<String, String> form) {
        Map<CanonicalFile, FileMapping> files = new EnumMap<>(CanonicalFile.class);
        for (CanonicalFile file : CanonicalFile.values()) {
            String kind = kind(file);
            String source = form.getOrDefault("source_" + kind, "").strip();
            if (source.isEmpty()) {
                continue;
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            Map<String, String> defaults = new LinkedHashMap<>();
            for (String column : file.columns()) {
                String headers = form.getOrDefault("col_" + kind + "_" + column, "");
                List<String> split = Arrays.stream(headers.split("\\|"))
                        .map(String::strip)
                        .filter(h -> !h.isEmpty())
                        .toList();
                if (!split.isEmpty()) {
                    columns.put(column, split);
                }
                String fallback =
                        form.getOrDefault("def_" + kind + "_" + column, "").strip();
                if (!fallback.isEmpty()) {
                    defaults.put(column, fallback);
                }
            }
            String dates = form.getOrDefault("date_" + kind, "").strip();
            FileMapping.checkDateFormat(file, file.fileName(), dates);
            try {
                files.put(
                        file,
                        new FileMapping(
                                source,
                                columns,
                                values(file, form.getOrDefault("values_" + kind, "")),
                                defaults,
                                dates,
                                form.containsKey("cont_" + kind)));
            } catch (MappingRefused e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file.fileName() + ": " + e.getMessage());
            }
        }
        String name = form.getOrDefault("name", "").strip();
        return new ColumnMapping(name.isEmpty() ? "custom" : name, files);
    }

    private static Map<String, Map<String, String>> values(CanonicalFile file, String text) {
        Map<String, Map<String, String>> values = new LinkedHashMap<>();
        int number = 0;
        for (String line : text.split("\\R")) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            int equals = line.lastIndexOf('=');
            if (colon < 1 || equals < colon) {
                throw new MappingRefused(
                        "value_line",
                        file.fileName() + ": value map line " + number + ": '" + line.strip()
                                + "' is not 'column: merchant value = canonical value'",
                        file.fileName(),
                        number,
                        line.strip());
            }
            String column = line.substring(0, colon).strip();
            if (!file.columns().contains(column)) {
                throw new MappingRefused(
                        "not_a_column",
                        file.fileName() + ": '" + column + "' is not a column of " + file.fileName() + " ("
                                + String.join(", ", file.columns()) + ")",
                        file.fileName(),
                        column,
                        String.join(", ", file.columns()));
            }
            values.computeIfAbsent(column, c -> new LinkedHashMap<>())
                    .put(
                            line.substring(colon + 1, equals).strip(),
                            line.substring(equals + 1).strip());
        }
        return values;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
