package io.basira.server.products;

import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.products.jdbc.JdbcBaskets;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/** The customer–product analyses' beans (docs/products.md). */
@Configuration(proxyBeanMethods = false)
public class ProductsConfiguration {

    @Bean
    JdbcBaskets jdbcBaskets(JdbcTemplate jdbc, TransactionTemplate transactions, BulkReads bulkReads) {
        return new JdbcBaskets(jdbc, transactions, bulkReads);
    }

    /** {@code basira.products.stale-for}: how old the baskets of an answer may be while newer ones are read. */
    @Bean(destroyMethod = "close")
    ProductAnalytics productAnalytics(
            JdbcBaskets baskets,
            io.basira.server.analytics.AnalyticsData data,
            io.basira.server.groups.jdbc.JdbcGroups groups,
            Clock clock,
            @Value("${basira.products.stale-for:60s}") Duration staleFor) {
        return new ProductAnalytics(baskets, data, groups, clock, staleFor);
    }
}
