package io.basira.server.analytics;

import io.basira.events.DomainEvents;
import io.basira.server.analytics.jdbc.JdbcStoreFacts;
import io.basira.server.cards.jdbc.JdbcCustomerAnalytics;
import io.basira.server.platform.jdbc.BulkReads;
import io.basira.server.platform.tenancy.JdbcStores;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
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
    JdbcStoreFacts jdbcStoreFacts(JdbcTemplate jdbc, TransactionTemplate transactions, BulkReads bulkReads) {
        return new JdbcStoreFacts(jdbc, transactions, bulkReads);
    }

    /** Each store's order columns in memory, kept current by the writes' post-commit hook. */
    @Bean
    AnalyticsData analyticsData(JdbcStoreFacts facts, Clock clock) {
        return new AnalyticsData(facts, clock);
    }

    /**
     * The next categories come from the products feature's {@link NextCategorySource} bean, when there is one.
     * {@code basira.analytics.stale-for}: how long the writes a dashboard's analysis has missed may go unseen while
     * the current one is made in the background (docs/analytics.md, "Caching").
     */
    @Bean
    StoreAnalytics storeAnalytics(
            AnalyticsData data,
            JdbcCustomerAnalytics cards,
            Clock clock,
            DomainEvents events,
            TransactionTemplate transaction,
            org.springframework.beans.factory.ObjectProvider<NextCategorySource> nextCategories,
            @Value("${basira.analytics.stale-for:30s}") Duration staleFor) {
        return new StoreAnalytics(
                data,
                cards,
                clock,
                events,
                transaction,
                nextCategories.getIfAvailable(() -> NextCategorySource.NONE),
                staleFor);
    }

    /** Run at each store's midnight by the durable scheduler (io.basira.server.startup.JobsConfiguration). */
    @Bean
    NightlyAnalyticsRefresh nightlyAnalyticsRefresh(
            StoreAnalytics analytics,
            JdbcCustomerAnalytics cards,
            JdbcStores stores,
            Clock clock,
            ClvModelsAhead clvModels) {
        return new NightlyAnalyticsRefresh(analytics, cards, stores, clock, clvModels);
    }

    /** On where the start's warm-up is (the server, unless {@code basira.warm-up.enabled=false}). */
    @Bean(destroyMethod = "close")
    ClvModelsAhead clvModelsAhead(
            StoreAnalytics analytics,
            ApplicationContext context,
            @Value("${basira.warm-up.enabled:true}") boolean enabled) {
        return new ClvModelsAhead(analytics, enabled && context instanceof WebServerApplicationContext);
    }
}
