package io.basira.server.checkout;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The membership of checkout tests: set by each test, so they do not depend on the groups engine. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeGroupsConfiguration {

    @Bean
    @Primary
    InMemoryCustomerGroups customerGroups() {
        return new InMemoryCustomerGroups();
    }
}
