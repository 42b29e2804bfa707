package io.basira.server.groups.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class GroupEventsOnH2Test extends GroupEventsContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.h2().forEach((key, value) -> registry.add(key, () -> value));
    }
}
