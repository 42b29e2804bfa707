package io.basira.server.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One analysis result in the two shapes the interfaces print: a JSON tree (maps, lists, strings, numbers,
 * null) and tables for the terminal and CSV. The first table is the main one (the CSV format prints it).
 */
public record Report(String name, Map<String, Object> json, List<Table> tables) {

    /** A titled table; cells are strings, numbers or null (printed empty). */
    public record Table(String title, List<String> headers, List<List<Object>> rows) {

        public Table(String title, List<String> headers) {
            this(title, headers, new ArrayList<>());
        }

        public Table row(Object... cells) {
            if (cells.length != headers.size()) {
                throw new IllegalArgumentException(
                        title + ": " + cells.length + " cells for " + headers.size() + " columns");
            }
            rows.add(java.util.Arrays.asList(cells));
            return this;
        }
    }
}
