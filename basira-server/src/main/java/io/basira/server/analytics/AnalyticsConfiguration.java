package io.basira.server.analytics;

import io.basira.server.jdbc.JdbcStores;
import java.time.Clock;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the analytics use case to its JDBC adapters, and the nightly refresh of the card fields. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsConfiguration {

    @Bean
    JdbcCustomerAnalytics jdbcCustomerAnalytics(JdbcTemplate jdbc, TransactionTemplate transactions) {
        return new JdbcCustomerAnalytics(jdbc, transactions);
    }

    @Bean
    StoreAnalytics storeAnalytics(JdbcTemplate jdbc, JdbcCustomerAnalytics cards, Clock clock,
            ApplicationEventPublisher events) {
        return new StoreAnalytics(new JdbcStoreFacts(jdbc), cards, clock, events);
    }

    /** Runs in the server only: scheduling is switched on for web applications (GroupsConfiguration). */
    @Bean
    NightlyAnalyticsRefresh nightlyAnalyticsRefresh(StoreAnalytics analytics, JdbcCustomerAnalytics cards,
            JdbcStores stores, Clock clock) {
        return new NightlyAnalyticsRefresh(analytics, cards, stores, clock);
    }
}
