package io.basira.server.browsing;

import io.basira.events.DomainEvents;
import io.basira.fields.BrowsingCardFields;
import io.basira.segment.FieldSet;
import io.basira.server.browsing.api.BeaconDoor;
import io.basira.server.browsing.api.BrowsingAnalyticsController;
import io.basira.server.browsing.api.BrowsingSiteController;
import io.basira.server.browsing.api.CollectController;
import io.basira.server.browsing.jdbc.JdbcBrowsing;
import io.basira.server.browsing.jdbc.JdbcBrowsingSites;
import io.basira.server.platform.jdbc.SqlDialect;
import io.basira.server.platform.security.PublicDoor;
import io.basira.server.platform.throttle.Throttle;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires browsing (docs/browsing.md): the sites, the event tables, the use case {@link RecordBrowsing}, the
 * bounded intake and its writer, the browsing card fields (a {@link FieldSet} bean), the nightly upkeep, the
 * API of the site and, in the server, the snippet's public doors with their own security chain.
 */
@Configuration(proxyBeanMethods = false)
public class BrowsingConfiguration {

    @Bean
    JdbcBrowsingSites jdbcBrowsingSites(JdbcTemplate jdbc, Clock clock) {
        return new JdbcBrowsingSites(jdbc, clock);
    }

    @Bean
    JdbcBrowsing jdbcBrowsing(JdbcTemplate jdbc, SqlDialect dialect) {
        return new JdbcBrowsing(jdbc, dialect);
    }

    /** A customer's browsing, registered with the privacy registry. */
    @Bean
    io.basira.server.privacy.CustomerDataKind browsingData(JdbcBrowsing browsing) {
        return new BrowsingData(browsing);
    }

    @Bean
    RecordBrowsing recordBrowsing(
            JdbcBrowsing browsing, DomainEvents events, TransactionTemplate transaction, Clock clock) {
        return new RecordBrowsing(browsing, events, transaction, clock);
    }

    @Bean
    BrowsingUpkeep browsingUpkeep(JdbcBrowsingSites sites, RecordBrowsing record) {
        return new BrowsingUpkeep(sites, record);
    }

    /** First of the features' fields: right after the built-ins, whatever other features register. */
    @Bean
    @Order(0)
    FieldSet browsingCardFields() {
        return new BrowsingCardFields();
    }

    @Bean
    BrowsingAnalytics browsingAnalytics(JdbcTemplate jdbc) {
        return new BrowsingAnalytics(jdbc);
    }

    @Bean
    BrowsingAnalyticsController browsingAnalyticsController(BrowsingAnalytics analytics, Clock clock) {
        return new BrowsingAnalyticsController(analytics, clock);
    }

    @Bean
    BrowsingSiteController browsingSiteController(
            JdbcBrowsingSites sites, SiteChanges changes, @Value("${basira.public-url:}") String publicUrl) {
        return new BrowsingSiteController(sites, changes, publicUrl);
    }

    @Bean
    SiteChanges siteChanges(JdbcBrowsingSites sites, io.basira.server.privacy.SettingsChanges audit) {
        return new SiteChanges(sites, audit);
    }

    /**
     * The beacon's doors, in the server only: the intake ({@code basira.browsing.queue-capacity} events waiting
     * at most, written in batches of {@code basira.browsing.batch-size}), the per-site rate limit
     * ({@code basira.browsing.site-requests} per {@code basira.browsing.site-period}) and the security chain of
     * {@code /t.js} and {@code /b/**}: no key, no session, no CSRF token (nothing there is trusted but the
     * site key's store and the allowed origins), throttled per client address
     * ({@code basira.browsing.address-requests} per {@code basira.browsing.address-period}).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Doors {

        @Bean
        BrowsingIntake browsingIntake(
                RecordBrowsing record,
                ObjectProvider<MeterRegistry> registry,
                @Value("${basira.browsing.queue-capacity:100000}") int capacity,
                @Value("${basira.browsing.batch-size:20000}") int batchSize) {
            MeterRegistry meters = registry.getIfAvailable();
            return new BrowsingIntake(record, capacity, batchSize, meters != null ? meters : new SimpleMeterRegistry());
        }

        @Bean
        CollectController collectController(JdbcBrowsingSites sites) {
            return new CollectController(sites);
        }

        /**
         * The beacon ({@code POST /b/collect}), a filter ahead of every other one (Spring Security's chain
         * included): it applies the limits per site key and per client address itself.
         */
        @Bean
        FilterRegistrationBean<BeaconDoor> beaconDoor(
                JdbcBrowsingSites sites,
                BrowsingIntake intake,
                JsonMapper json,
                Clock clock,
                @Value("${basira.browsing.site-requests:1200000}") int requests,
                @Value("${basira.browsing.site-period:1m}") Duration period,
                @Value("${basira.browsing.address-requests:6000}") int addressRequests,
                @Value("${basira.browsing.address-period:1m}") Duration addressPeriod) {
            BeaconDoor door = new BeaconDoor(
                    sites,
                    intake,
                    new Throttle(new Throttle.Limit(requests, period), 100_000, clock),
                    new Throttle(new Throttle.Limit(addressRequests, addressPeriod), PublicDoor.ADDRESSES, clock),
                    json,
                    clock);
            FilterRegistrationBean<BeaconDoor> registration = new FilterRegistrationBean<>(door);
            registration.addUrlPatterns("/b/collect");
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            registration.setName("beaconDoor");
            return registration;
        }

        @Bean
        @Order(1)
        SecurityFilterChain browsingDoors(
                HttpSecurity http,
                Clock clock,
                @Value("${basira.browsing.address-requests:6000}") int attempts,
                @Value("${basira.browsing.address-period:1m}") Duration period)
                throws Exception {
            return PublicDoor.at("/t.js", "/b/**")
                    .limit(attempts, period, clock)
                    .headers(headers ->
                            headers.cacheControl(cache -> cache.disable()).frameOptions(frame -> frame.disable()))
                    .build(http);
        }
    }
}
