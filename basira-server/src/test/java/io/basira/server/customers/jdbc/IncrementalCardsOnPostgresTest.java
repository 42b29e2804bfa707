package io.basira.server.customers.jdbc;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class IncrementalCardsOnPostgresTest extends IncrementalCardsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }
}
