package io.basira.server.platform.web;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ApiOnH2Test extends ApiContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }
}
