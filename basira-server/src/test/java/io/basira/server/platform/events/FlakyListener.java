package io.basira.server.platform.events;

import io.basira.events.CardsChanged;
import io.basira.events.DomainEvent;
import io.basira.shared.StoreId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** A durable listener of {@link CardsChanged} that fails a set number of times for the stores a test names. */
public final class FlakyListener implements DomainEventListener {

    @TestConfiguration(proxyBeanMethods = false)
    public static class Configuration {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    private final Map<StoreId, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final List<ReceivedEvent> handled = new CopyOnWriteArrayList<>();

    /** The next {@code times} deliveries of this store's events fail. */
    void fail(StoreId store, int times) {
        failuresLeft.put(store, new AtomicInteger(times));
    }

    List<ReceivedEvent> handledFor(StoreId store) {
        return handled.stream().filter(r -> r.event().store().equals(store)).toList();
    }

    @Override
    public String name() {
        return "flaky";
    }

    @Override
    public Set<Class<? extends DomainEvent>> types() {
        return Set.of(CardsChanged.class);
    }

    @Override
    public void handle(ReceivedEvent received) {
        AtomicInteger left = failuresLeft.get(received.event().store());
        if (left != null && left.getAndDecrement() > 0) {
            throw new IllegalStateException("failing on purpose for customer data that must not be logged");
        }
        handled.add(received);
    }
}
