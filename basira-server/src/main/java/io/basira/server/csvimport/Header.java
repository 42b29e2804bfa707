package io.basira.server.csvimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The header row of one file: column names, trimmed and lowercased, to their field index. Unknown
 * columns are kept (and never asked for), so they are ignored.
 */
final class Header {

    private final Map<String, Integer> indexes;
    private final int size;

    private Header(Map<String, Integer> indexes, int size) {
        this.indexes = indexes;
        this.size = size;
    }

    /**
     * Reads a header row, reporting on line 1 every required column that is missing and every
     * canonical column that appears twice (an unknown column may repeat: it is ignored).
     *
     * @return the header, or null when it has errors (the file is then rejected whole)
     */
    static Header of(List<String> fields, CanonicalFile file, ErrorLog errors) {
        Map<String, Integer> indexes = new HashMap<>();
        List<RowError> problems = new ArrayList<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = normalise(fields.get(i));
            if (indexes.putIfAbsent(name, i) != null && file.columns().contains(name)) {
                problems.add(RowError.of(
                        file.fileName(),
                        1,
                        name,
                        new RowError.Problem(
                                ImportErrorCode.COLUMN_REPEATED, "column appears more than once in the header")));
            }
        }
        for (String column : file.requiredColumns()) {
            if (!indexes.containsKey(column)) {
                problems.add(RowError.of(
                        file.fileName(),
                        1,
                        column,
                        new RowError.Problem(ImportErrorCode.COLUMN_MISSING, "required column is missing")));
            }
        }
        problems.forEach(errors::add);
        return problems.isEmpty() ? new Header(indexes, fields.size()) : null;
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The field index of {@code column}, or -1 when the file has no such column. */
    int indexOf(String column) {
        Integer index = indexes.get(column);
        return index == null ? -1 : index;
    }

    /** The number of fields of the header row; every row must have as many. */
    int size() {
        return size;
    }
}
