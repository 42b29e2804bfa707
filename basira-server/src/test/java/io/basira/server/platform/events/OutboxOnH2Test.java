package io.basira.server.platform.events;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class OutboxOnH2Test extends OutboxContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }
}
