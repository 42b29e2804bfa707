package io.basira.server.support;

import io.basira.server.cards.jdbc.JdbcCustomerQueries;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * Holds back the next full read of a store's customers ({@link JdbcCustomerQueries#forEach}) once it has
 * read every row, until the test releases it: so a test can act while a full re-evaluation is in
 * progress, between its read and its swap. Disarmed, it lets every read through. Thread-safe.
 */
public final class StreamGate {

    /** Replaces the application's {@link JdbcCustomerQueries} with one whose full reads pass the gate. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {

        @Bean
        static StreamGate streamGate() {
            return new StreamGate();
        }

        @Bean
        static BeanPostProcessor gatedCustomerQueries(
                ObjectProvider<DataSource> dataSource, ObjectProvider<StreamGate> gate) {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof JdbcCustomerQueries
                            ? new JdbcCustomerQueries(new Gated(dataSource.getObject(), gate.getObject()))
                            : bean;
                }
            };
        }
    }

    private record Armed(CountDownLatch read, CountDownLatch release) {}

    private final AtomicReference<Armed> armed = new AtomicReference<>();
    private volatile Armed last;

    /** The next full read waits, after reading, until {@link #release()}. */
    public void arm() {
        Armed next = new Armed(new CountDownLatch(1), new CountDownLatch(1));
        last = next;
        armed.set(next);
    }

    /** Whether the armed read has read every row and is waiting, within the timeout. */
    public boolean awaitRead(long seconds) throws InterruptedException {
        return last.read().await(seconds, TimeUnit.SECONDS);
    }

    /** Lets the waiting read go on (and disarms). */
    public void release() {
        Armed current = last;
        armed.set(null);
        if (current != null) {
            current.release().countDown();
        }
    }

    private void pass() {
        Armed current = armed.getAndSet(null);
        if (current == null) {
            return;
        }
        current.read().countDown();
        try {
            if (!current.release().await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the gated read was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A JdbcTemplate whose full customer reads pass the gate after reading. */
    private static final class Gated extends JdbcTemplate {
        private final StreamGate gate;

        Gated(DataSource dataSource, StreamGate gate) {
            super(dataSource);
            this.gate = gate;
        }

        @Override
        public void query(String sql, RowCallbackHandler handler, Object... args) {
            super.query(sql, handler, args);
            if (sql.contains("ORDER BY c.external_id")) {
                gate.pass();
            }
        }

        @Override
        public void query(
                org.springframework.jdbc.core.PreparedStatementCreator statement, RowCallbackHandler handler) {
            super.query(statement, handler);
            if (statement instanceof org.springframework.jdbc.core.SqlProvider provider
                    && provider.getSql().contains("ORDER BY c.external_id")) {
                gate.pass();
            }
        }
    }
}
