package io.basira.server.csvimport;

import io.basira.shared.Store;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One merchant file read through its {@link FileMapping}: its header resolved once, then each row turned into
 * the canonical file's fields, a row at a time (the import stays streaming). The canonical rules then check
 * the fields exactly as they check a canonical file; an error of a mapped column names the merchant's header
 * too ({@code created_at (Created at)}).
 */
final class MappedFile {

    private static final Set<String> DATE_TIMES = Set.of("created_at", "updated_at", "added_at");
    private static final String DATE = "birth_date";
    private static final Pattern ISO_START = Pattern.compile("\\d{4}-\\d{2}-\\d{2}.*");

    private final CanonicalFile file;
    private final FileMapping mapping;
    private final List<List<Source>> sources;
    private final Header header;
    private final DateTimeFormatter dates;
    private final String importDate;
    private String previousKey;

    /** One way a column may be given: one header, or several joined ({@code A+B}). */
    private record Source(String label, int[] indexes) {}

    private MappedFile(
            CanonicalFile file, FileMapping mapping, List<List<Source>> sources, Header header, LocalDate importDay) {
        this.file = file;
        this.mapping = mapping;
        this.sources = sources;
        this.header = header;
        this.dates = mapping.dateFormat() == null
                ? null
                : DateTimeFormatter.ofPattern(mapping.dateFormat(), Locale.ROOT).withResolverStyle(ResolverStyle.SMART);
        this.importDate = importDay.toString();
    }

    /**
     * Resolves the merchant's header row; reports on line 1 each required canonical column that none of its
     * headers gives (and that has no default).
     *
     * @return the mapped file, or null when its header has errors (the file is then rejected whole)
     */
    static MappedFile of(
            List<String> fields,
            CanonicalFile file,
            FileMapping mapping,
            String fileName,
            LocalDate importDay,
            ErrorLog errors) {
        Map<String, Integer> indexes = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            indexes.putIfAbsent(normalise(fields.get(i)), i);
        }
        List<List<Source>> sources = new ArrayList<>();
        boolean complete = true;
        for (String column : file.columns()) {
            List<String> named = mapping.columns().getOrDefault(column, List.of(column));
            List<Source> present = new ArrayList<>();
            for (String spec : named) {
                Source source = source(spec, indexes);
                if (source != null) {
                    present.add(source);
                }
            }
            sources.add(present);
            if (present.isEmpty()
                    && file.requiredColumns().contains(column)
                    && !mapping.defaults().containsKey(column)) {
                errors.add(RowError.of(
                        fileName,
                        1,
                        column,
                        new RowError.Problem(
                                ImportErrorCode.MAPPED_COLUMN_MISSING,
                                "required column is missing: the file has none of the headers "
                                        + String.join(
                                                ", ",
                                                named.stream()
                                                        .map(n -> "'" + n + "'")
                                                        .toList()),
                                String.join(", ", named))));
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        Header canonical = Header.of(file.columns(), file, errors);
        return new MappedFile(file, mapping, sources, canonical, importDay);
    }

    private static Source source(String spec, Map<String, Integer> indexes) {
        String[] parts = spec.split("\\+");
        int[] at = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
            Integer index = indexes.get(normalise(parts[i]));
            if (index == null) {
                return null;
            }
            at[i] = index;
        }
        return new Source(spec, at);
    }

    private static String normalise(String name) {
        return name.strip().toLowerCase(Locale.ROOT);
    }

    /** The canonical header the mapped rows are read with. */
    Header header() {
        return header;
    }

    /**
     * The canonical row of a merchant row, or null when the row continues the record of the row before
     * ({@link FileMapping#continuationRows()}) and is skipped.
     */
    Row row(String fileName, long line, List<String> fields, Store store) {
        List<String> canonical = new ArrayList<>(sources.size());
        String[] used = new String[sources.size()];
        Map<String, RowError.Problem> problems = new java.util.LinkedHashMap<>(0);
        for (int c = 0; c < sources.size(); c++) {
            String column = file.columns().get(c);
            String value = "";
            for (Source source : sources.get(c)) {
                value = value(source, fields);
                if (!value.isEmpty()) {
                    used[c] = source.label();
                    break;
                }
            }
            if (used[c] == null && !sources.get(c).isEmpty()) {
                used[c] = sources.get(c).get(0).label();
            }
            if (value.isEmpty()) {
                String fallback = mapping.defaults().getOrDefault(column, "");
                value = FileMapping.IMPORT_DATE.equals(fallback) ? importDate : fallback;
            } else {
                value = translate(column, value);
                if (dates != null && (DATE_TIMES.contains(column) || DATE.equals(column))) {
                    String iso = iso(value, DATE.equals(column));
                    if (iso == null) {
                        problems.put(
                                column,
                                new RowError.Problem(
                                        ImportErrorCode.NOT_DATE_IN_FORMAT,
                                        "'" + value + "' is not a date in the format " + mapping.dateFormat(),
                                        value,
                                        mapping.dateFormat()));
                    } else {
                        value = iso;
                    }
                }
            }
            canonical.add(value);
        }
        if (mapping.continuationRows()) {
            String key = canonical.get(0).strip();
            boolean continues = !key.isEmpty() && key.equals(previousKey);
            previousKey = key;
            if (continues) {
                return null;
            }
        }
        Row row = new Row(fileName, line, header, canonical, store, column -> label(column, used));
        problems.forEach(row::error);
        return row;
    }

    private String label(String column, String[] used) {
        int index = file.columns().indexOf(column);
        String source = index < 0 ? null : used[index];
        return source == null || source.equalsIgnoreCase(column) ? column : column + " (" + source + ")";
    }

    private static String value(Source source, List<String> fields) {
        if (source.indexes().length == 1) {
            return fields.get(source.indexes()[0]).strip();
        }
        StringBuilder joined = new StringBuilder();
        for (int index : source.indexes()) {
            if (!joined.isEmpty()) {
                joined.append('/');
            }
            joined.append(fields.get(index).strip());
        }
        return joined.toString().replaceAll("^/+|/+$", "");
    }

    /**
     * The canonical value of a merchant value by the column's value map; unknown values pass unchanged. Tags
     * may be separated by commas too (Shopify's are).
     */
    private String translate(String column, String value) {
        if (column.equals("tags")) {
            return value.replace(',', ';');
        }
        Map<String, String> map = mapping.values().get(column);
        if (map == null || map.isEmpty()) {
            return value;
        }
        String key = value.toLowerCase(Locale.ROOT);
        String mapped = map.get(key);
        int slash = key.indexOf('/');
        if (mapped == null && slash > 0) {
            mapped = map.get(key.substring(0, slash) + "/*");
        }
        return mapped == null ? value : mapped;
    }

    /** The ISO form of a date in the mapping's format, the value itself when already ISO, else null. */
    private String iso(String value, boolean dateOnly) {
        try {
            TemporalAccessor parsed =
                    dates.parseBest(value, OffsetDateTime::from, LocalDateTime::from, LocalDate::from);
            if (dateOnly) {
                return LocalDate.from(parsed).toString();
            }
            return parsed instanceof OffsetDateTime offset ? offset.toString() : parsed.toString();
        } catch (DateTimeException e) {
            return ISO_START.matcher(value).matches() ? value : null;
        }
    }
}
