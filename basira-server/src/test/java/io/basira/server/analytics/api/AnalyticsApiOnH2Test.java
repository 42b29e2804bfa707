package io.basira.server.analytics.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class AnalyticsApiOnH2Test extends AnalyticsApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }
}
