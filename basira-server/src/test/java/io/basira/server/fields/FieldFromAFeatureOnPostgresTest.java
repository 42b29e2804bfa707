package io.basira.server.fields;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class FieldFromAFeatureOnPostgresTest extends FieldFromAFeatureContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }
}
