package io.basira.server.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the data lives; every command accepts these. Without {@code --db-url} (or BASIRA_DB_URL)
 * Basira uses the embedded H2 database in the folder {@code --data} (default {@code ./data}).
 */
public class DatabaseOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "embedded database folder (default: ./data)")
    Path data;

    @Option(
            names = "--db-url",
            paramLabel = "JDBC_URL",
            description =
                    "a PostgreSQL JDBC URL (jdbc:postgresql://host:5432/db); default: BASIRA_DB_URL or embedded H2")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "database user (default: BASIRA_DB_USER)")
    String user;

    @Option(
            names = "--db-password",
            paramLabel = "PASSWORD",
            description = "database password (default: BASIRA_DB_PASSWORD)")
    String password;

    /** Spring properties for the datasource, from the options, then the environment, then the defaults. */
    /** The embedded database's settings, after its file (see {@link #springProperties}). */
    static final String H2_SETTINGS = ";TRACE_LEVEL_FILE=0;WRITE_DELAY=0;QUERY_CACHE_SIZE=256";

    public Map<String, Object> springProperties(Map<String, String> env) {
        String jdbcUrl = first(url, env.get("BASIRA_DB_URL"));
        Map<String, Object> props = new LinkedHashMap<>();
        if (jdbcUrl == null) {
            Path folder = (data != null ? data : Path.of(env.getOrDefault("BASIRA_DATA", "data"))).toAbsolutePath();
            // no trace file: H2 writes failed statements there with their values (customer data). WRITE_DELAY=0:
            // each commit is in the file when it returns, so a write acknowledged (a webhook's 200, an API call)
            // survives
            // the process being killed; H2's default writes commits in the background up to a second later.
            // QUERY_CACHE_SIZE: a session keeps this many parsed statements (H2's default, 8, is fewer than one write
            // runs, so every write parsed each of its statements again: 14 % of a single order's CPU)
            props.put("spring.datasource.url", "jdbc:h2:file:" + folder.resolve("basira") + H2_SETTINGS);
            props.put("spring.datasource.username", "sa");
            props.put("spring.datasource.password", "");
            props.put("basira.data-dir", folder.toString());
        } else {
            props.put("spring.datasource.url", jdbcUrl);
            props.put("spring.datasource.username", orEmpty(first(user, env.get("BASIRA_DB_USER"))));
            props.put("spring.datasource.password", orEmpty(first(password, env.get("BASIRA_DB_PASSWORD"))));
            Path folder = (data != null ? data : Path.of(env.getOrDefault("BASIRA_DATA", "data"))).toAbsolutePath();
            props.put("basira.data-dir", folder.toString());
        }
        return props;
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
