package io.basira.server.platform.config;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.api.output.MigrateResult;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the schema migrations at start, then, on an embedded H2 file database that just received
 * new ones, closes and reopens that database (never an H2 server's, which other clients share).
 *
 * <p>Why: H2 2.4 evaluates a check constraint written as {@code column IN (…)} with the session
 * that created it. The migrations run on one pooled connection; when the pool retires it (Hikari's
 * max lifetime, 30 minutes) every insert into such a table fails with "Check constraint invalid …
 * The database has been closed", until a restart. A reopened database reads its constraints under
 * its own system session, which lives as long as the database. An in-memory H2 database is not
 * reopened (that would empty it); it serves tests, which end well before a connection retires.
 */
@Configuration(proxyBeanMethods = false)
public class MigrationConfiguration {

    @Bean
    FlywayMigrationStrategy migrateThenReopenEmbeddedDatabase(DataSource dataSource) {
        return flyway -> {
            MigrateResult result = flyway.migrate();
            if (result.migrationsExecuted > 0) {
                reopenIfEmbeddedFile(dataSource);
            }
        };
    }

    static void reopenIfEmbeddedFile(DataSource dataSource) {
        if (!(dataSource instanceof HikariDataSource hikari) || !isEmbeddedFile(hikari.getJdbcUrl())) {
            return;
        }
        // a connection of its own, not a pooled one: the pool's close would fail on a closed database
        try (Connection connection =
                        DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                Statement statement = connection.createStatement()) {
            statement.execute("SHUTDOWN");
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not reopen the embedded database after its migrations: " + e.getMessage(), e);
        }
        // every pooled connection belonged to the closed database: the pool replaces them
        if (hikari.getHikariPoolMXBean() != null) {
            hikari.getHikariPoolMXBean().softEvictConnections();
        }
    }

    private static boolean isEmbeddedFile(String url) {
        return url != null && url.startsWith("jdbc:h2:file:");
    }
}
