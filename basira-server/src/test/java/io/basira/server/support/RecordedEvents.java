package io.basira.server.support;

import io.basira.events.DomainEvent;
import io.basira.events.DomainEvents;
import io.basira.shared.StoreId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The application's {@link DomainEvents}, replaced by one that records every event (and refuses one
 * published outside a transaction). Thread-safe.
 */
public final class RecordedEvents implements DomainEvents {

    /** Makes the recorder the application's {@link DomainEvents} (primary over any other). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        static RecordedEvents recordedEvents() {
            return new RecordedEvents();
        }
    }

    private final List<DomainEvent> events = new ArrayList<>();

    @Override
    public synchronized void publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("published outside a transaction: " + event);
        }
        events.add(event);
    }

    /** The events of one store, in the order published. */
    public synchronized List<DomainEvent> of(StoreId store) {
        return events.stream().filter(e -> e.store().equals(store)).toList();
    }
}
