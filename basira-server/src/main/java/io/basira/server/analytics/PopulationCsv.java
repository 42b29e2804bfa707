package io.basira.server.analytics;

import io.basira.analytics.region.PopulationTable;
import io.basira.shared.Numerals;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an uploaded population table: a header {@code country,region,population} then one region per line
 * (UTF-8; a region name containing a comma is quoted). Errors name the line.
 */
public final class PopulationCsv {

    private PopulationCsv() {}

    public static List<PopulationTable.Row> parse(String text, String source) {
        List<String> lines = text.replace("\uFEFF", "").lines().toList();
        if (lines.isEmpty() || !lines.get(0).strip().equalsIgnoreCase("country,region,population")) {
            throw new IllegalArgumentException(source + ":1: the header must be country,region,population");
        }
        List<PopulationTable.Row> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int first = line.indexOf(',');
            int last = line.lastIndexOf(',');
            if (first < 0 || first == last) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": expected country,region,population");
            }
            String region = line.substring(first + 1, last).strip();
            if (region.length() >= 2 && region.startsWith("\"") && region.endsWith("\"")) {
                region = region.substring(1, region.length() - 1).replace("\"\"", "\"");
            }
            Long population =
                    Numerals.whole(line.substring(last + 1).strip().replace("_", ""), Long.MIN_VALUE, Long.MAX_VALUE);
            if (population == null) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": population '"
                        + line.substring(last + 1).strip() + "' is not a whole number");
            }
            try {
                rows.add(new PopulationTable.Row(line.substring(0, first), region, population));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ":" + (i + 1) + ": " + e.getMessage());
            }
        }
        return rows;
    }
}
