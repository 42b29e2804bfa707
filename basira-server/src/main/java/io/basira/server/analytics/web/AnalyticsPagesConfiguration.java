package io.basira.server.analytics.web;

import io.basira.server.analytics.StoreAnalytics;
import io.basira.server.analytics.jdbc.JdbcStoreOverview;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.cards.jdbc.JdbcCustomerNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/** Wires the dashboard's analytics pages to the analytics use case and its JDBC adapters. */
@Configuration(proxyBeanMethods = false)
public class AnalyticsPagesConfiguration {

    @Bean
    DashboardAnalytics dashboardAnalytics(StoreAnalytics analytics, JdbcCustomerAnalytics cards) {
        return new DashboardAnalytics(analytics, cards);
    }

    @Bean
    JdbcStoreOverview jdbcStoreOverview(JdbcTemplate jdbc) {
        return new JdbcStoreOverview(jdbc);
    }

    @Bean
    JdbcCustomerNames jdbcCustomerNames(JdbcTemplate jdbc) {
        return new JdbcCustomerNames(jdbc);
    }
}
