package io.basira.server.platform.jdbc;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class TextLimitsMatchSchemaOnPostgresTest extends TextLimitsMatchSchemaContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }
}
