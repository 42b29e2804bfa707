package io.basira.server.ingest.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WriteRoundTripsOnPostgresTest extends WriteRoundTripsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }

    @Override
    int singleOrderBound() {
        return 12;
    }

    @Override
    int bulkBound() {
        return 12;
    }
}
