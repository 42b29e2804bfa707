package io.basira.server.platform.jdbc;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The few statements that differ between the embedded H2 and PostgreSQL. Everything else is
 * standard SQL shared by both.
 */
public enum SqlDialect {
    H2,
    POSTGRESQL;

    public static SqlDialect ofUrl(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl + " (H2 or PostgreSQL)");
    }

    /**
     * An insert-or-update of one row by its key: all {@code columns} are written, the row is matched
     * on {@code keys} (which must be among the columns). Other columns of an existing row keep their values.
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String names = String.join(", ", columns);
        String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
        if (this == H2) {
            return "MERGE INTO " + table + " (" + names + ") KEY (" + String.join(", ", keys) + ") VALUES (" + marks
                    + ")";
        }
        String updates = columns.stream()
                .filter(c -> !keys.contains(c))
                .map(c -> c + " = EXCLUDED." + c)
                .collect(Collectors.joining(", "));
        return "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + updates);
    }
}
