package io.basira.server.platform.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.basira.server.support.TestDatabases;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@link Sql#instant} reads a {@code TIMESTAMP WITH TIME ZONE} as the instant stored, whatever the JVM's zone, from
 * text rows and from binary rows ({@link Sql#binaryRows}), on H2 and PostgreSQL; null stays null.
 */
class SqlInstantTest {

    private static final List<Instant> VALUES = List.of(
            Instant.parse("1900-01-01T00:00:00Z"),
            Instant.parse("1969-12-31T23:59:59.999999Z"),
            Instant.parse("1970-01-01T00:00:00Z"),
            Instant.parse("2024-03-10T07:30:00.000001Z"), // New York's spring gap, in its local time
            Instant.parse("2024-11-03T05:30:00Z"), // New York's autumn overlap
            Instant.parse("2026-12-08T03:00:00.123456Z"),
            Instant.parse("2199-12-31T23:59:59.999999Z"));

    private final TimeZone zone = TimeZone.getDefault();

    @AfterEach
    void restoreZone() {
        TimeZone.setDefault(zone);
    }

    @Test
    void on_h2() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:h2:mem:instants;DB_CLOSE_DELAY=-1")) {
            readsEveryValueBackInEveryZone(connection);
        }
    }

    @Test
    void on_postgres() throws Exception {
        Map<String, String> db = TestDatabases.postgres();
        try (Connection connection = DriverManager.getConnection(
                db.get("spring.datasource.url"),
                db.get("spring.datasource.username"),
                db.get("spring.datasource.password"))) {
            readsEveryValueBackInEveryZone(connection);
        }
    }

    private static void readsEveryValueBackInEveryZone(Connection connection) throws Exception {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE TABLE instants (n INT, at TIMESTAMP WITH TIME ZONE)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO instants VALUES (?, ?)")) {
            for (int n = 0; n <= VALUES.size(); n++) {
                insert.setInt(1, n);
                insert.setObject(2, n < VALUES.size() ? OffsetDateTime.ofInstant(VALUES.get(n), ZoneOffset.UTC) : null);
                insert.executeUpdate();
            }
        }
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
        List<Instant> expected = new ArrayList<>(VALUES);
        expected.add(null);
        for (String id : List.of("UTC", "America/New_York", "Asia/Riyadh", "Australia/Lord_Howe")) {
            TimeZone.setDefault(TimeZone.getTimeZone(id));
            List<Instant> text = new ArrayList<>();
            try (Statement once = connection.createStatement();
                    ResultSet rs = once.executeQuery("SELECT at FROM instants ORDER BY n")) {
                while (rs.next()) {
                    text.add(Sql.instant(rs, "at"));
                }
            }
            List<Instant> binary = new ArrayList<>();
            jdbc.query(Sql.binaryRows("SELECT at FROM instants WHERE n >= ? ORDER BY n", 0), (ResultSet rs) -> {
                binary.add(Sql.instant(rs, 1));
            });
            assertThat(text).as("text rows in %s", id).isEqualTo(expected);
            assertThat(binary).as("binary rows in %s", id).isEqualTo(expected);
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("DROP TABLE instants");
        }
    }
}
