package io.basira.server.products;

import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.products.jdbc.JdbcBaskets;
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

    @Bean
    ProductAnalytics productAnalytics(
            JdbcBaskets baskets,
            io.basira.server.analytics.AnalyticsData data,
            io.basira.server.groups.jdbc.JdbcGroups groups) {
        return new ProductAnalytics(baskets, data, groups);
    }
}
