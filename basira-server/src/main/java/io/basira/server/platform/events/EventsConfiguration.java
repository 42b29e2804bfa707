package io.basira.server.platform.events;

import com.zaxxer.hikari.HikariDataSource;
import io.basira.server.platform.jdbc.SqlDialect;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import tools.jackson.databind.json.JsonMapper;

/**
 * Wires the outbox of domain events (ARCHITECTURE.md, "How a write flows"): the transaction manager that
 * delivers after the outermost commit, {@link JdbcDomainEvents}, and, in the server only, the retry loop,
 * the gauges and, on PostgreSQL, the {@link EventFeed} of the events other processes record.
 */
@Configuration(proxyBeanMethods = false)
public class EventsConfiguration {

    /** The JDBC transaction manager, running the after-commit deliveries once the outermost transaction ended. */
    @Bean
    PlatformTransactionManager transactionManager(DataSource dataSource) {
        return new AfterTransaction(new JdbcTransactionManager(dataSource));
    }

    @Bean
    EventOrigin eventOrigin() {
        return EventOrigin.random();
    }

    @Bean
    EventCodec eventCodec(JsonMapper json) {
        return new EventCodec(json);
    }

    @Bean
    DomainEventListeners domainEventListeners(ObjectProvider<DomainEventListener> listeners) {
        return new DomainEventListeners(listeners);
    }

    @Bean
    JdbcDomainEvents domainEvents(
            JdbcTemplate jdbc,
            EventCodec codec,
            EventOrigin origin,
            Clock clock,
            DomainEventListeners listeners,
            SqlDialect dialect,
            @Value("${basira.events.delivery-grace:30s}") Duration grace,
            @Value("${basira.events.retry-backoff:5s}") Duration backoff,
            @Value("${basira.events.retry-backoff-max:1h}") Duration maxBackoff,
            @Value("${basira.events.background-delivery:true}") boolean inBackground) {
        return new JdbcDomainEvents(
                jdbc,
                codec,
                origin,
                clock,
                listeners,
                dialect == SqlDialect.POSTGRESQL,
                new JdbcDomainEvents.Settings(grace, backoff, maxBackoff, inBackground));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class InTheServer {

        @Bean
        @ConditionalOnBooleanProperty(name = "basira.events.retries.enabled", matchIfMissing = true)
        EventRetries eventRetries(
                JdbcDomainEvents events,
                Clock clock,
                @Value("${basira.events.retry-interval:2s}") Duration interval,
                @Value("${basira.events.retention:7d}") Duration retention) {
            return new EventRetries(events, clock, interval, retention);
        }

        @Bean
        EventMetrics eventMetrics(JdbcDomainEvents events, Clock clock, ObjectProvider<MeterRegistry> registry) {
            MeterRegistry meters = registry.getIfAvailable();
            return meters == null ? null : new EventMetrics(events, clock, meters);
        }

        /** Off on H2, which only one process opens; {@code basira.events.feed.enabled=false} switches it off. */
        @Bean
        @ConditionalOnBooleanProperty(name = "basira.events.feed.enabled", matchIfMissing = true)
        SmartLifecycle eventFeed(
                JdbcTemplate jdbc,
                DataSource dataSource,
                EventCodec codec,
                EventOrigin origin,
                DomainEventListeners listeners,
                SqlDialect dialect,
                @Value("${basira.events.feed.poll:1s}") Duration poll) {
            if (dialect != SqlDialect.POSTGRESQL) {
                return new Idle();
            }
            EventFeed.ConnectionSource connections = () -> {
                if (dataSource instanceof HikariDataSource hikari) {
                    return DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(), hikari.getPassword());
                }
                return dataSource.getConnection();
            };
            EventFeed feed = new EventFeed(jdbc, connections, codec, origin, listeners, poll);
            return new SmartLifecycle() {
                @Override
                public void start() {
                    feed.start();
                }

                @Override
                public void stop() {
                    feed.stop();
                }

                @Override
                public boolean isRunning() {
                    return feed.isRunning();
                }
            };
        }
    }

    /** The feed's place on H2. */
    private static final class Idle implements SmartLifecycle {
        private volatile boolean running;

        @Override
        public void start() {
            running = true;
        }

        @Override
        public void stop() {
            running = false;
        }

        @Override
        public boolean isRunning() {
            return running;
        }
    }
}
