package io.basira.server.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;

/**
 * The databases the repository and API tests run on: a fresh in-memory H2 always, and PostgreSQL
 * whenever one is reachable.
 *
 * <p>PostgreSQL is found at {@code BASIRA_TEST_POSTGRES_URL} (default
 * {@code jdbc:postgresql://127.0.0.1:5432/test}) as {@code BASIRA_TEST_POSTGRES_USER} (default
 * {@code root}). Each test class gets a schema of its own, so runs never see each other's rows.
 * When {@code BASIRA_REQUIRE_POSTGRES=true} (CI) an unreachable PostgreSQL fails the tests instead of
 * skipping them.
 */
public final class TestDatabases {

    private TestDatabases() {}

    public static Map<String, String> h2() {
        return Map.of(
                "spring.datasource.url",
                "jdbc:h2:mem:basira-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;QUERY_CACHE_SIZE=256",
                "spring.datasource.username",
                "sa",
                "spring.datasource.password",
                "");
    }

    /** Properties for a fresh schema on PostgreSQL; aborts (skips) the test class when none is reachable. */
    public static Map<String, String> postgres() {
        String url = env("BASIRA_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = env("BASIRA_TEST_POSTGRES_USER", "root");
        String password = env("BASIRA_TEST_POSTGRES_PASSWORD", "");
        String schema =
                "basira_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection connection = DriverManager.getConnection(url, user, password);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (Boolean.parseBoolean(env("BASIRA_REQUIRE_POSTGRES", "false"))) {
                throw new IllegalStateException(
                        "PostgreSQL is required (BASIRA_REQUIRE_POSTGRES) but " + url + " is not reachable: "
                                + e.getMessage(),
                        e);
            }
            Assumptions.abort("PostgreSQL not reachable at " + url + ": " + e.getMessage());
        }
        String separator = url.contains("?") ? "&" : "?";
        // Spring keeps test contexts cached and their pools open: small pools that let idle
        // connections go keep the whole suite under PostgreSQL's max_connections (100 by default)
        return Map.of(
                "spring.datasource.url",
                url + separator + "currentSchema=" + schema,
                "spring.datasource.username",
                user,
                "spring.datasource.password",
                password,
                "spring.flyway.schemas",
                schema,
                "spring.flyway.default-schema",
                schema,
                "spring.datasource.hikari.maximum-pool-size",
                "6",
                "spring.datasource.hikari.minimum-idle",
                "0",
                "spring.datasource.hikari.idle-timeout",
                "10000",
                // each feed holds a connection of its own: on only where a test runs several instances
                "basira.events.feed.enabled",
                "false");
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
