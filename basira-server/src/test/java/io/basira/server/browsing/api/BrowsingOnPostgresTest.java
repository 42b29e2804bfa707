package io.basira.server.browsing.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class BrowsingOnPostgresTest extends BrowsingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }
}
