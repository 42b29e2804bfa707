package io.basira.server.messaging.api;

import io.basira.server.support.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class MessagingOnPostgresTest extends MessagingContract {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabases.postgres().forEach((key, value) -> registry.add(key, () -> value));
    }
}
