package io.basira.server.analytics;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the analytics use case to its JDBC adapters. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    @Bean
    JdbcCustomerAnalytics jdbcCustomerAnalytics(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcCustomerAnalytics(jdbc, transactions);
    }

    @Bean
    StoreAnalytics storeAnalytics(JdbcTemplate jdbc, JdbcCustomerAnalytics cards, Clock clock) {
        return new StoreAnalytics(new JdbcStoreFacts(jdbc), cards, clock);
    }
}
