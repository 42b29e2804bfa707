package io.basira.server.csvimport;

import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How one merchant file becomes one canonical file (docs/import.md, "Platform exports"): which file of the
 * folder it is, which of its headers feeds each canonical column, how its values translate, how its dates
 * are written.
 *
 * @param source the file's name in the folder, any case; {@code *} matches any run of characters
 *     ({@code orders_export*.csv}); every matching file is read, in name order
 * @param columns canonical column → the merchant's headers, any case; the first that is present in the file and
 *     not empty in the row gives the value. A header written {@code A+B} joins the values of A and B with
 *     {@code /} ({@code paid/fulfilled}), for a value map that needs both
 * @param values canonical column → merchant value → canonical value, matched stripped and in any case; a key
 *     ending in {@code /*} matches every joined value with that first part. A value with no entry passes
 *     unchanged (and is then checked as usual)
 * @param defaults canonical column → the value when the row gives none; {@value #IMPORT_DATE} is the day of the
 *     import, in the store's time zone
 * @param dateFormat a {@link DateTimeFormatter} pattern for the file's dates and date-times
 *     ({@code dd/MM/yyyy[ HH:mm[:ss]]}); canonical ISO values are accepted too. Null: ISO only
 * @param continuationRows whether a row whose id (the canonical file's first column) is the same as the row
 *     before continues that record and is skipped: Shopify repeats an order's row for each of its lines
 */
public record FileMapping(
        String source,
        Map<String, List<String>> columns,
        Map<String, Map<String, String>> values,
        Map<String, String> defaults,
        String dateFormat,
        boolean continuationRows) {

    /** The default meaning "the day of the import". */
    public static final String IMPORT_DATE = "$import_date";

    public FileMapping {
        if (source == null || source.isBlank()) {
            throw new IllegalArgumentException("source: the file name is empty");
        }
        source = source.strip();
        columns = copy(columns);
        values = values == null ? Map.of() : lowerKeys(values);
        defaults = defaults == null ? Map.of() : Map.copyOf(defaults);
        if (dateFormat != null && dateFormat.isBlank()) {
            dateFormat = null;
        }
        if (dateFormat != null) {
            try {
                DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "date_format: '" + dateFormat + "' is not a date pattern: " + e.getMessage());
            }
        }
    }

    /** Whether {@code fileName} is this mapping's source (any case, {@code *} for any characters). */
    public boolean matches(String fileName) {
        StringBuilder regex = new StringBuilder();
        for (String part : source.toLowerCase(Locale.ROOT).split("\\*", -1)) {
            if (!regex.isEmpty() || source.startsWith("*")) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.matches(regex.toString(), fileName.toLowerCase(Locale.ROOT));
    }

    /**
     * Refuses a date pattern {@link java.time.format.DateTimeFormatter} cannot read ({@code date_format}, its English
     * sentence starting with {@code said}); a blank or null pattern is none.
     */
    public static void checkDateFormat(CanonicalFile file, String said, String dateFormat) {
        if (dateFormat == null || dateFormat.isBlank()) {
            return;
        }
        try {
            DateTimeFormatter.ofPattern(dateFormat, Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new MappingRefused(
                    "date_format",
                    said + ": date_format: '" + dateFormat + "' is not a date pattern: " + e.getMessage(),
                    file.fileName(),
                    dateFormat);
        }
    }

    /** Checks the columns named against the canonical file: every key must be one of its columns. */
    void checkAgainst(CanonicalFile file) {
        for (Map<String, ?> map : List.of(columns, values, defaults)) {
            for (String column : map.keySet()) {
                if (!file.columns().contains(column)) {
                    throw new MappingRefused(
                            "not_a_column",
                            file.fileName() + ": '" + column + "' is not a column of " + file.fileName() + " ("
                                    + String.join(", ", file.columns()) + ")",
                            file.fileName(),
                            column,
                            String.join(", ", file.columns()));
                }
            }
        }
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> columns) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (columns != null) {
            columns.forEach((column, headers) -> {
                List<String> kept = headers == null
                        ? List.of()
                        : headers.stream()
                                .filter(Objects::nonNull)
                                .map(String::strip)
                                .filter(h -> !h.isEmpty())
                                .toList();
                if (!kept.isEmpty()) {
                    copy.put(column.strip().toLowerCase(Locale.ROOT), kept);
                }
            });
        }
        return Collections.unmodifiableMap(copy);
    }

    private static Map<String, Map<String, String>> lowerKeys(Map<String, Map<String, String>> values) {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        values.forEach((column, map) -> {
            Map<String, String> lowered = new LinkedHashMap<>();
            if (map != null) {
                map.forEach((from, to) -> lowered.put(from.strip().toLowerCase(Locale.ROOT), to == null ? "" : to));
            }
            copy.put(column.strip().toLowerCase(Locale.ROOT), Collections.unmodifiableMap(lowered));
        });
        return Collections.unmodifiableMap(copy);
    }
}
