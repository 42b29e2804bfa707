package io.basira.server.platform.jdbc;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class TextLimitsMatchSchemaOnH2Test extends TextLimitsMatchSchemaContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }
}
