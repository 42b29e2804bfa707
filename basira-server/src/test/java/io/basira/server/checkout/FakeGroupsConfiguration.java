package io.basira.server.checkout;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The membership of checkout tests: set by each test, so they do not depend on the groups engine. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGroupsConfiguration {

    @Bean
    InMemoryCustomerGroups customerGroups() {
        return new InMemoryCustomerGroups();
    }
}
