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
 * The application's {@link DomainEvents}, wrapped by one that records every event (and refuses one
 * published outside a transaction) before handing it to the outbox. Thread-safe.
 */
public final class RecordedEvents implements DomainEvents {

    /** Makes the recorder the application's {@link DomainEvents} (primary over any other). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        @Primary
        static RecordedEvents recordedEvents(io.basira.server.platform.events.JdbcDomainEvents outbox) {
            return new RecordedEvents(outbox);
        }
    }

    private final List<DomainEvent> events = new ArrayList<>();
    private final DomainEvents outbox;

    /** @param outbox where the events go on to, so the application's listeners still follow them */
    public RecordedEvents(DomainEvents outbox) {
        this.outbox = outbox;
    }

    @Override
    public void publish(DomainEvent event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("published outside a transaction: " + event);
        }
        synchronized (this) {
            events.add(event);
        }
        outbox.publish(event);
    }

    /** The events of one store, in the order published. */
    public synchronized List<DomainEvent> of(StoreId store) {
        return events.stream().filter(e -> e.store().equals(store)).toList();
    }
}
