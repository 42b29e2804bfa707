package io.basira.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded database is embedded: no port, an owner-only folder, and one process at a time with a clear message. */
class EmbeddedDatabaseCliTest {

    @TempDir
    Path tmp;

    @Test
    void a_failed_statement_leaves_no_trace_file_with_its_values() throws Exception {
        DatabaseOptions options = new DatabaseOptions();
        options.data = tmp.resolve("data");
        String url = (String) options.springProperties(Map.of()).get("spring.datasource.url");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
                java.sql.Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE people (name VARCHAR(3))");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> statement.execute("INSERT INTO people VALUES ('sara@example.com')"))
                    .isInstanceOf(java.sql.SQLException.class);
        }
        try (var files = Files.list(tmp.resolve("data"))) {
            assertThat(files.map(path -> path.getFileName().toString())).noneMatch(name -> name.endsWith(".trace.db"));
        }
    }

    @Test
    void the_embedded_database_listens_on_no_port() throws Exception {
        DatabaseOptions options = new DatabaseOptions();
        options.data = tmp.resolve("data");
        Map<String, Object> props = options.springProperties(Map.of());
        String url = (String) props.get("spring.datasource.url");
        assertThat(url).startsWith("jdbc:h2:file:").doesNotContainIgnoringCase("AUTO_SERVER");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            assertThat(connection.isValid(1)).isTrue();
            // with AUTO_SERVER, H2 starts a TCP server and writes its address and key to basira.lock.db
            Path lockFile = tmp.resolve("data/basira.lock.db");
            Properties lock = new Properties();
            if (Files.exists(lockFile)) {
                try (InputStream in = Files.newInputStream(lockFile)) {
                    lock.load(in);
                }
            }
            assertThat(lock)
                    .as("an H2 lock file names a server only when one listens")
                    .doesNotContainKey("server");
        }
    }

    @Test
    void the_data_folder_is_the_owners_only() {
        assertThat(CliRun.of(List.of("--data", tmp.resolve("data").toString()), "store", "list")
                        .exitCode())
                .isZero();
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertThat(tmp.resolve("data"))
                    .satisfies(
                            folder -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(folder)))
                                    .isEqualTo("rwx------"));
        }
    }

    @Test
    void a_second_process_on_the_same_folder_is_told_what_to_do_not_given_a_stack_trace() throws Exception {
        Path data = tmp.resolve("data");
        List<String> database = List.of("--data", data.toString());
        assertThat(CliRun.of(database, "store", "create", "--slug", "shop").exitCode())
                .isZero();
        Process server = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        HoldDatabaseOpen.class.getName(),
                        "jdbc:h2:file:" + data.toAbsolutePath().resolve("basira"))
                .redirectErrorStream(true)
                .start();
        try {
            String first = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
            assertThat(first).isEqualTo("open");

            CliRun second = CliRun.of(database, "store", "list");

            assertThat(second.exitCode()).isEqualTo(1);
            assertThat(second.err())
                    .contains(
                            "the embedded database in " + data.toAbsolutePath() + " is in use by "
                                    + "another Basira process",
                            "Stop that process first",
                            "HTTP API",
                            "PostgreSQL (--db-url)")
                    .doesNotContain("Exception", "at org.h2");
            assertThat(second.err().strip().lines()).hasSize(1);
        } finally {
            server.getOutputStream().close();
            server.waitFor(10, TimeUnit.SECONDS);
            server.destroy();
        }
        assertThat(CliRun.of(database, "store", "list").out()).contains("shop");
    }
}
