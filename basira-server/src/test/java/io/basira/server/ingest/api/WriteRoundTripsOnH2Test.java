package io.basira.server.ingest.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class WriteRoundTripsOnH2Test extends WriteRoundTripsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
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
