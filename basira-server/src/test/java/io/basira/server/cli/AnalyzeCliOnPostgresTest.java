package io.basira.server.cli;

import io.basira.server.support.TestDatabases;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;

class AnalyzeCliOnPostgresTest extends AnalyzeCliContract {

    private static Map<String, String> postgres;

    @BeforeAll
    static void schema() {
        postgres = TestDatabases.postgres();
    }

    @Override
    List<String> database() {
        return List.of(
                "--db-url",
                postgres.get("spring.datasource.url"),
                "--db-user",
                postgres.get("spring.datasource.username"));
    }
}
